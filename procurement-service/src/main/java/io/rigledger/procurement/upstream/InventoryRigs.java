package io.rigledger.procurement.upstream;

import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.upstream.inventory.api.RigsApi;
import io.rigledger.procurement.upstream.inventory.model.LandedCost;
import io.rigledger.procurement.upstream.inventory.model.NewRig;
import io.rigledger.procurement.upstream.inventory.model.RigBatch;
import io.rigledger.procurement.upstream.inventory.model.RigBatchItem;
import io.rigledger.procurement.upstream.inventory.model.RigBatchResult;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Registers received rigs in inventory-service (operation registerRigBatch, client generated from
 * inventory.yaml) with procurement-service's own client-credentials token (role service), naming
 * the organisation in the batch. inventory-service is idempotent on (maker, serial) within an
 * organisation: a rig sent again, or one it already held, is answered with its existing asset id.
 * Every rig carries its receipt as rmaReturnReceipt: a rig procurement received at a site is there,
 * so one inventory-service holds in RMA (a rig back from repair, shipped again with its serial) goes
 * back to RECEIVED with an event naming the receipt (and is answered as such again when the same
 * receipt is replayed); a rig in any other state is left as it is, and one it holds from another
 * order is a refusal ({@link Registered#refusal}): the fleet gained nothing on this order.
 * Retries and breaker:
 * quarkus.fault-tolerance."io.rigledger.procurement.upstream.InventoryRigs/register".*.
 */
@ApplicationScoped
public class InventoryRigs {

    @Inject
    @RestClient
    RigsApi rigs;

    /**
     * One received rig as inventory-service registers it; price, duty and fees in USD (all null
     * while the order's estimate is PENDING); receiptId: the receipt that took it in at a site.
     */
    public record RigToRegister(String manufacturer, String serialNumber, String model, String originCountry, String plant,
                                String mac, UUID orderId, int lineNumber, BigDecimal price, BigDecimal duty, BigDecimal fees,
                                UUID receiptId) {
    }

    /**
     * inventory-service's answer for one rig: its asset id (RIG-...), whether it held the rig before,
     * and {@code refusal}: non-null when it holds the rig from another order and this call did not bring
     * it back from RMA (replayed, no returnedFromRma, conflicts naming purchaseOrderId or orderLineNumber),
     * so the rig is not received on this order.
     */
    public record Registered(String manufacturer, String serialNumber, String assetId, boolean replayed, String refusal) {
    }

    /** The longest refusal reason kept (shipment_rig.refused_reason, the contract's reason). */
    static final int REASON_MAX = 500;

    /** inventory-service refused the batch as sent (400, 409 or 422): retrying it as it is cannot help. */
    public static class RigsRefusedException extends RuntimeException {
        public RigsRefusedException(String detail) {
            super(detail, null, false, false);
        }
    }

    /**
     * Registers the rigs of one organisation (at most 10,000), answering in the same order.
     *
     * @throws RigsRefusedException when inventory-service refuses the batch (400; 409: a new rig's MAC another rig
     *         holds; 422: unknown or retired model or plant)
     * @throws UpstreamUnavailableException when it does not answer, fails, or answers another set of rigs; also on its
     *         503 outcome-unknown (its COMMIT may or may not have stored the rigs): the retry and the outbox send the
     *         same batch again, which it answers idempotently on (maker, serial), so a rig stored by the lost COMMIT is
     *         answered replayed with its asset id and never registered twice, and nothing is marked delivered before
     */
    @Retry(retryOn = UpstreamUnavailableException.class, abortOn = RigsRefusedException.class)
    @CircuitBreaker(failOn = UpstreamUnavailableException.class, skipOn = RigsRefusedException.class)
    @CircuitBreakerName("inventory-register-rigs")
    public List<Registered> register(String org, List<RigToRegister> batch) {
        RigBatch request = new RigBatch().organisation(org);
        for (RigToRegister r : batch) {
            NewRig rig = new NewRig().serialNumber(r.serialNumber()).model(r.model()).originCountry(r.originCountry())
                    .plant(r.plant()).mac(r.mac()).purchaseOrderId(r.orderId()).orderLineNumber(r.lineNumber())
                    // a rig received at a site is physically back: one inventory holds in RMA returns to RECEIVED
                    .rmaReturnReceipt(r.receiptId() == null ? null : r.receiptId().toString());
            if (r.price() != null) {
                rig.landedCost(new LandedCost().price(r.price()).duty(r.duty()).fees(r.fees()));
            }
            request.addRigsItem(rig);
        }
        RigBatchResult result;
        try {
            result = rigs.registerRigBatch(request);
        } catch (WebApplicationException e) {
            int status = Upstreams.status(e);
            if ((status == 400 || status == 409 || status == 422) && Upstreams.isProblem(e)) {
                throw new RigsRefusedException("inventory-service refused the rigs (HTTP " + status + "): " + body(e));
            }
            throw Upstreams.unavailable(CatalogueReader.SERVICE, "registerRigBatch", e);
        } catch (RuntimeException e) {
            throw Upstreams.unavailable(CatalogueReader.SERVICE, "registerRigBatch", e);
        }
        List<RigBatchItem> items = result.getItems();
        if (items == null || items.size() != batch.size()) {
            throw Upstreams.unavailable(CatalogueReader.SERVICE, "registerRigBatch",
                    new IllegalStateException("answered " + (items == null ? 0 : items.size()) + " rigs for " + batch.size()));
        }
        List<Registered> registered = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            RigBatchItem item = items.get(i);
            if (!batch.get(i).serialNumber().equals(item.getSerialNumber()) || item.getId() == null) {
                throw Upstreams.unavailable(CatalogueReader.SERVICE, "registerRigBatch",
                        new IllegalStateException("answered " + item.getSerialNumber() + " at the place of " + batch.get(i).serialNumber()));
            }
            registered.add(new Registered(item.getManufacturer(), item.getSerialNumber(), item.getId(),
                    Boolean.TRUE.equals(item.getReplayed()), refusal(item)));
        }
        return registered;
    }

    /**
     * Why a replayed rig is not received on this order, else null: inventory-service held it before this
     * call, did not answer it as brought back from RMA by this receipt (returnedFromRma, which it repeats
     * for a replay of the same receipt), and its conflicts show it registered on another order or line.
     * Our own replay of a rig this order registered (a lost answer) names no such conflict.
     */
    static String refusal(RigBatchItem item) {
        if (!Boolean.TRUE.equals(item.getReplayed()) || Boolean.TRUE.equals(item.getReturnedFromRma()) || item.getConflicts() == null) {
            return null;
        }
        List<String> onOrder = item.getConflicts().stream()
                .filter(c -> c.getField() != null && c.getMessage() != null)
                .filter(c -> c.getField().endsWith(".purchaseOrderId") || c.getField().endsWith(".orderLineNumber"))
                .map(c -> c.getField().substring(c.getField().indexOf('.') + 1) + " " + c.getMessage()).toList();
        if (onOrder.isEmpty()) {
            return null;
        }
        String reason = ("inventory-service holds this rig as " + item.getId() + " (status "
                + (item.getStatus() == null ? "unknown" : item.getStatus().value())
                + ") from another order and did not take it back from RMA: " + String.join("; ", onOrder))
                .replaceAll("[\\x00-\\x1f\\x7f]", "?");
        return reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) : reason;
    }

    private static String body(WebApplicationException e) {
        try {
            String text = e.getResponse().readEntity(String.class);
            return text == null ? "" : text.replaceAll("[^ -~]", "?");
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}

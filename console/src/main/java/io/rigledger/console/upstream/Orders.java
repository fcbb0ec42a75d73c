package io.rigledger.console.upstream;

import io.rigledger.console.upstream.procurement.api.PurchaseOrdersApi;
import io.rigledger.console.upstream.procurement.api.ShipmentsApi;
import io.rigledger.console.upstream.procurement.model.LandedCost;
import io.rigledger.console.upstream.procurement.model.OrderStatus;
import io.rigledger.console.upstream.procurement.model.PurchaseOrder;
import io.rigledger.console.upstream.procurement.model.PurchaseOrderPage;
import io.rigledger.console.upstream.procurement.model.Receipt;
import io.rigledger.console.upstream.procurement.model.Shipment;
import io.rigledger.console.upstream.procurement.model.ShipmentLine;
import io.rigledger.console.upstream.procurement.model.ShipmentSummary;
import io.rigledger.console.upstream.procurement.model.ShippedRig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * procurement-service as an operator sees it, with the signed-in person's token: orders, an order's
 * landed cost, shipments and receipts. Every method throws {@link ApiProblem} when procurement-service
 * refuses (its problem; another organisation's order is 404 like a missing one) or does not answer (503).
 */
@ApplicationScoped
public class Orders {

    static final String SERVICE = "procurement-service";
    private static final int PAGE = 100;

    @Inject
    @RestClient
    PurchaseOrdersApi orders;

    @Inject
    @RestClient
    ShipmentsApi shipments;

    @Inject
    ManagedExecutor executor;

    /** One page of orders, newest first, of {@code status} (null: any), from {@code cursor} (null: the first). */
    public PurchaseOrderPage list(String status, String cursor) {
        OrderStatus s = status == null || status.isBlank() ? null : OrderStatus.fromString(status);
        return Calls.of(SERVICE, () -> orders.listPurchaseOrders(s, null, null, null, null, PAGE, cursor));
    }

    /** The order. */
    public PurchaseOrder order(UUID id) {
        return Calls.of(SERVICE, () -> orders.getPurchaseOrder(id, null)); // a person: no X-On-Behalf-Of-Org
    }

    /** The order's landed cost: per line and rig, from the quote or the customs entries' allocation. */
    public LandedCost landedCost(UUID id) {
        return Calls.of(SERVICE, () -> orders.getPurchaseOrderLandedCost(id));
    }

    /**
     * An order with its landed cost, every shipment (with its rigs, oldest first) and the receipts its rigs
     * arrived by. Each call goes out as soon as what it needs has answered, with no wait for unrelated calls (on
     * the managed executor, which carries the request's context and so the person's token): the order, its landed
     * cost and its shipments' list at once; each shipment as soon as the list has answered; each receipt as soon as
     * the first shipment naming it has answered. The page's time is thus the longest chain (list, shipment,
     * receipt) rather than the sum of the three slowest waves. A refusal is the first failing call's problem in
     * that order (the order's own 404 before anything else); every call has ended by then.
     */
    public OrderFile file(UUID id) {
        CompletableFuture<PurchaseOrder> order = executor.supplyAsync(() -> order(id));
        CompletableFuture<LandedCost> landed = executor.supplyAsync(() -> landedCost(id));
        Map<UUID, CompletableFuture<Receipt>> receipts = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> started = new CopyOnWriteArrayList<>();
        CompletableFuture<List<CompletableFuture<Shipment>>> listed = executor.supplyAsync(() -> shipmentSummaries(id))
                .thenApply(summaries -> summaries.stream().map(s -> executor
                        .supplyAsync(() -> Calls.of(SERVICE, () -> shipments.getShipment(s.getId(), null)))
                        .whenComplete((shipment, failure) -> {
                            if (shipment != null) {
                                for (UUID r : receiptIds(shipment)) {
                                    started.add(receipts.computeIfAbsent(r, k -> executor.supplyAsync(() -> receipt(k))));
                                }
                            }
                        })).toList());
        settle(List.of(order, landed, listed));
        PurchaseOrder found = join(order);
        LandedCost cost = join(landed);
        List<CompletableFuture<Shipment>> each = join(listed);
        settle(each);
        List<Shipment> all = each.stream().map(Orders::join).toList();
        settle(List.copyOf(started));
        Map<UUID, Receipt> read = new LinkedHashMap<>();
        for (Shipment s : all) {
            for (UUID r : receiptIds(s)) {
                read.computeIfAbsent(r, k -> join(receipts.get(k)));
            }
        }
        return new OrderFile(found, cost, all, read);
    }

    /** The receipts a shipment's rigs arrived by, in the order first met. */
    private static Set<UUID> receiptIds(Shipment shipment) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (ShipmentLine line : shipment.getLines()) {
            for (ShippedRig rig : line.getRigs()) {
                if (rig.getReceiptId() != null) {
                    ids.add(rig.getReceiptId());
                }
            }
        }
        return ids;
    }

    /**
     * What the order page shows.
     *
     * @param order      the order
     * @param landedCost its landed cost per line and rig
     * @param shipments  every shipment with its rigs, oldest first
     * @param receipts   the receipts the shipments' rigs arrived by, by id, in the order first met
     */
    public record OrderFile(PurchaseOrder order, LandedCost landedCost, List<Shipment> shipments, Map<UUID, Receipt> receipts) {
    }

    /** A receipt: where and when, and how many of its rigs inventory-service confirmed. */
    public Receipt receipt(UUID id) {
        return Calls.of(SERVICE, () -> shipments.getReceipt(id));
    }

    /** Every shipment of the order as listed (id and summary), oldest first. */
    private List<ShipmentSummary> shipmentSummaries(UUID orderId) {
        List<ShipmentSummary> all = new ArrayList<>();
        String cursor = null;
        do {
            String from = cursor;
            var page = Calls.of(SERVICE, () -> shipments.listShipments(orderId, PAGE, from));
            all.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }

    /** Waits until every call has answered or failed, so none is left running when one failure ends the page. */
    private static void settle(List<? extends CompletableFuture<?>> calls) {
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).exceptionally(failure -> null).join();
    }

    /** The answer of a call made on the executor, or its problem (ApiProblem) as it was thrown. */
    private static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }
}

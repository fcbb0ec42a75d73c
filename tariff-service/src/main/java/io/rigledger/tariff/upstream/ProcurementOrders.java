package io.rigledger.tariff.upstream;

import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.tariff.upstream.procurement.api.PurchaseOrdersApi;
import io.rigledger.tariff.upstream.procurement.api.ShipmentsApi;
import io.rigledger.tariff.upstream.procurement.model.OrderLine;
import io.rigledger.tariff.upstream.procurement.model.PurchaseOrder;
import io.rigledger.tariff.upstream.procurement.model.Shipment;
import io.rigledger.tariff.upstream.procurement.model.ShipmentLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Purchase orders and shipments as procurement-service holds them (procurement.yaml, getPurchaseOrder and
 * getShipment), read with the caller's own bearer token (propagated as it came: application.properties,
 * org.eclipse.microprofile.rest.client.propagateHeaders) and, for a service account, the
 * organisation it acts for in X-On-Behalf-Of-Org. Answers only what checking a customs entry's order lines
 * needs. Another organisation's order or shipment is answered 404 by procurement-service, exactly like a
 * missing one, and so is empty here.
 * Retries: quarkus.fault-tolerance."io.rigledger.tariff.upstream.ProcurementOrders/order|shipment".retry.*
 * (one retry, only of {@link UpstreamUnavailableException}).
 */
@ApplicationScoped
public class ProcurementOrders {

    static final String SERVICE = "procurement-service";

    private static final Logger LOG = Logger.getLogger(ProcurementOrders.class);

    @Inject
    @RestClient
    PurchaseOrdersApi orders;

    @Inject
    @RestClient
    ShipmentsApi shipments;

    /**
     * An order's line numbers and the stored duty quote (tariff-service's id) that estimated it, when it
     * carries one (a PENDING or SUPPLIER_PAYS estimate has none).
     */
    public record OrderFacts(UUID id, Set<Integer> lineNumbers, UUID quoteId) {
    }

    /** A shipment's order and the order line numbers it holds rigs of. */
    public record ShipmentFacts(UUID id, UUID orderId, Set<Integer> lineNumbers) {
    }

    /**
     * The order {@code id} of the organisation, or empty when procurement-service answers 404 (missing, or
     * another organisation's).
     *
     * @param onBehalfOf the organisation a service account acts for (sent as X-On-Behalf-Of-Org), or null for a person
     * @throws UpstreamUnavailableException when procurement-service cannot be reached, times out, answers 5xx
     *         or refuses the caller's token (401/403)
     */
    @Retry(retryOn = UpstreamUnavailableException.class)
    public Optional<OrderFacts> order(UUID id, String onBehalfOf) {
        try {
            PurchaseOrder po = orders.getPurchaseOrder(id, onBehalfOf);
            Set<Integer> lines = new HashSet<>();
            if (po.getLines() != null) {
                for (OrderLine line : po.getLines()) {
                    lines.add(line.getLineNumber());
                }
            }
            UUID quote = po.getDutyEstimate() == null ? null : po.getDutyEstimate().getQuoteId();
            return Optional.of(new OrderFacts(po.getId(), Set.copyOf(lines), quote));
        } catch (WebApplicationException e) {
            if (status(e) == 404) {
                return Optional.empty();
            }
            throw unavailable("getPurchaseOrder", e);
        } catch (RuntimeException e) {
            throw unavailable("getPurchaseOrder", e);
        }
    }

    /**
     * The shipment {@code id} of the organisation, or empty when procurement-service answers 404.
     *
     * @param onBehalfOf as for {@link #order}
     * @throws UpstreamUnavailableException as for {@link #order}
     */
    @Retry(retryOn = UpstreamUnavailableException.class)
    public Optional<ShipmentFacts> shipment(UUID id, String onBehalfOf) {
        try {
            Shipment s = shipments.getShipment(id, onBehalfOf);
            Set<Integer> lines = new HashSet<>();
            if (s.getLines() != null) {
                for (ShipmentLine line : s.getLines()) {
                    lines.add(line.getLineNumber());
                }
            }
            return Optional.of(new ShipmentFacts(s.getId(), s.getOrderId(), Set.copyOf(lines)));
        } catch (WebApplicationException e) {
            if (status(e) == 404) {
                return Optional.empty();
            }
            throw unavailable("getShipment", e);
        } catch (RuntimeException e) {
            throw unavailable("getShipment", e);
        }
    }

    private static int status(WebApplicationException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatus();
    }

    /**
     * Unreachable, timed out, 5xx, or it refused the caller's token (401/403: for a person of finance a
     * deployment mistake, e.g. a token without procurement-service's audience): all 503 to the caller,
     * logged here with the cause, which the problem+json answer never shows.
     */
    private static UpstreamUnavailableException unavailable(String operation, RuntimeException cause) {
        if (cause instanceof WebApplicationException web) {
            int status = status(web);
            if (status == 401 || status == 403) {
                LOG.errorf("%s refused the caller's token on %s (HTTP %d): check the token's audience and the role's rights",
                        SERVICE, operation, status);
            } else {
                LOG.warnf("%s failed on %s: HTTP %d", SERVICE, operation, status);
            }
        } else {
            LOG.warnf("%s could not be reached on %s: %s", SERVICE, operation, cause);
        }
        return new UpstreamUnavailableException(SERVICE);
    }
}

package io.rigledger.console.upstream;

import io.rigledger.console.upstream.procurement.api.PurchaseOrdersApi;
import io.rigledger.console.upstream.procurement.api.ShipmentsApi;
import io.rigledger.console.upstream.procurement.model.LandedCost;
import io.rigledger.console.upstream.procurement.model.OrderStatus;
import io.rigledger.console.upstream.procurement.model.PurchaseOrder;
import io.rigledger.console.upstream.procurement.model.PurchaseOrderPage;
import io.rigledger.console.upstream.procurement.model.Receipt;
import io.rigledger.console.upstream.procurement.model.Shipment;
import io.rigledger.console.upstream.procurement.model.ShipmentSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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

    /** One page of orders, newest first, of {@code status} (null: any), from {@code cursor} (null: the first). */
    public PurchaseOrderPage list(String status, String cursor) {
        OrderStatus s = status == null || status.isBlank() ? null : OrderStatus.fromString(status);
        return Calls.of(SERVICE, () -> orders.listPurchaseOrders(s, null, null, null, null, PAGE, cursor));
    }

    /** The order. */
    public PurchaseOrder order(UUID id) {
        return Calls.of(SERVICE, () -> orders.getPurchaseOrder(id));
    }

    /** The order's landed cost: per line and rig, from the quote or the customs entries' allocation. */
    public LandedCost landedCost(UUID id) {
        return Calls.of(SERVICE, () -> orders.getPurchaseOrderLandedCost(id));
    }

    /** Every shipment of the order with its rigs, oldest first. */
    public List<Shipment> shipments(UUID orderId) {
        List<Shipment> all = new ArrayList<>();
        String cursor = null;
        do {
            String from = cursor;
            var page = Calls.of(SERVICE, () -> shipments.listShipments(orderId, PAGE, from));
            for (ShipmentSummary s : page.getItems()) {
                all.add(Calls.of(SERVICE, () -> shipments.getShipment(s.getId())));
            }
            cursor = page.getNextCursor();
        } while (cursor != null);
        return all;
    }

    /** A receipt: where and when, and how many of its rigs inventory-service confirmed. */
    public Receipt receipt(UUID id) {
        return Calls.of(SERVICE, () -> shipments.getReceipt(id));
    }
}

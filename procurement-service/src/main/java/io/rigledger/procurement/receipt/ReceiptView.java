package io.rigledger.procurement.receipt;

import io.rigledger.procurement.order.OrderStatus;
import io.rigledger.procurement.shipment.ShippedRig;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the API answers about a receipt (contract: Receipt, ReceivedRig): each rig RECEIVED
 * (waiting for inventory-service) or REGISTERED with inventory-service's asset id, and how many are
 * in each state.
 */
public record ReceiptView(UUID id, UUID shipmentId, UUID orderId, OrderStatus orderStatus, String site, Instant receivedAt,
                          Instant createdAt, String createdBy, int registered, int waiting, List<ReceivedRigView> rigs) {

    /** The view of {@code r} and its rigs (by line and position). */
    static ReceiptView of(Receipt r, OrderStatus orderStatus, List<ShippedRig> rigs) {
        List<ReceivedRigView> views = rigs.stream().map(ReceivedRigView::of).toList();
        int registered = (int) rigs.stream().filter(x -> ShippedRig.REGISTERED.equals(x.status)).count();
        return new ReceiptView(r.id, r.shipmentId, r.orderId, orderStatus, r.site, r.receivedAt, r.createdAt, r.createdBy,
                registered, rigs.size() - registered, views);
    }

    /** One rig of the receipt; assetId once inventory-service confirmed it. */
    public record ReceivedRigView(String serialNumber, int lineNumber, int rigOnLine, String status, String assetId) {

        static ReceivedRigView of(ShippedRig r) {
            return new ReceivedRigView(r.serialNumber, r.lineNumber, r.rigOnLine, r.status, r.assetId);
        }
    }
}

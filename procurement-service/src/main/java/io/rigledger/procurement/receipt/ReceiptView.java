package io.rigledger.procurement.receipt;

import io.rigledger.procurement.order.OrderStatus;
import io.rigledger.procurement.shipment.ShippedRig;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the API answers about a receipt (contract: Receipt, ReceivedRig): each rig RECEIVED
 * (waiting for inventory-service), REGISTERED with inventory-service's asset id, or REFUSED with
 * inventory-service's reason (it holds the rig from another order, not back from RMA), and how many
 * are registered and waiting.
 */
public record ReceiptView(UUID id, UUID shipmentId, UUID orderId, OrderStatus orderStatus, String site, Instant receivedAt,
                          Instant createdAt, String createdBy, int registered, int waiting, List<ReceivedRigView> rigs) {

    /** The view of {@code r} and its rigs (by line and position). */
    static ReceiptView of(Receipt r, OrderStatus orderStatus, List<ShippedRig> rigs) {
        List<ReceivedRigView> views = rigs.stream().map(ReceivedRigView::of).toList();
        int registered = (int) rigs.stream().filter(x -> ShippedRig.REGISTERED.equals(x.status)).count();
        int refused = (int) rigs.stream().filter(x -> ShippedRig.REFUSED.equals(x.status)).count();
        return new ReceiptView(r.id, r.shipmentId, r.orderId, orderStatus, r.site, r.receivedAt, r.createdAt, r.createdBy,
                registered, rigs.size() - registered - refused, views);
    }

    /** One rig of the receipt; assetId once inventory-service confirmed it; reason when it is REFUSED. */
    public record ReceivedRigView(String serialNumber, int lineNumber, int rigOnLine, String status, String assetId,
                                  String reason) {

        static ReceivedRigView of(ShippedRig r) {
            boolean refused = ShippedRig.REFUSED.equals(r.status);
            return new ReceivedRigView(r.serialNumber, r.lineNumber, r.rigOnLine, r.status, refused ? null : r.assetId,
                    refused ? r.refusedReason : null);
        }
    }
}

package io.rigledger.procurement.shipment;

import io.rigledger.procurement.order.OrderStatus;
import io.rigledger.procurement.order.PurchaseOrderLine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the API answers about shipments (contract: Shipment, ShipmentLine, ShippedRig, ShipmentSummary). */
public final class ShipmentViews {

    private ShipmentViews() {
    }

    /**
     * A shipment with its rigs grouped by order line.
     *
     * @param orderVersion the order's version after the shipment (its ETag in quotes)
     */
    public record ShipmentView(UUID id, UUID orderId, OrderStatus orderStatus, int orderVersion, String carrier,
                               String trackingNumber, String transportMode, LocalDate exportDate, Instant createdAt,
                               String createdBy, List<ShipmentLineView> lines) {

        /** The view of {@code s}; {@code rigs} ordered by line and position, {@code skus} by line number. */
        static ShipmentView of(Shipment s, OrderStatus status, int version, List<ShippedRig> rigs, Map<Integer, String> skus) {
            Map<Integer, List<ShippedRigView>> byLine = new LinkedHashMap<>();
            for (ShippedRig r : rigs) {
                byLine.computeIfAbsent(r.lineNumber, k -> new ArrayList<>()).add(ShippedRigView.of(r));
            }
            List<ShipmentLineView> lines = new ArrayList<>(byLine.size());
            byLine.forEach((line, rs) -> lines.add(new ShipmentLineView(line, skus.get(line), rs.size(), rs)));
            return new ShipmentView(s.id, s.orderId, status, version, s.carrier, s.trackingNumber, s.transportMode,
                    s.exportDate, s.createdAt, s.createdBy, lines);
        }
    }

    /** One order line's rigs in a shipment; quantity in rigs. */
    public record ShipmentLineView(int lineNumber, String sku, int quantity, List<ShippedRigView> rigs) {
    }

    /**
     * One rig: SHIPPED; RECEIVED at {@code site} by {@code receiptId}, waiting for inventory-service;
     * REGISTERED with inventory-service's {@code assetId}; REFUSED with inventory-service's {@code reason}
     * (it holds the rig from another order and did not take it back from RMA).
     */
    public record ShippedRigView(String serialNumber, String mac, int rigOnLine, String status, String site,
                                 UUID receiptId, String assetId, String reason) {

        static ShippedRigView of(ShippedRig r) {
            boolean refused = ShippedRig.REFUSED.equals(r.status);
            return new ShippedRigView(r.serialNumber, r.mac, r.rigOnLine, r.status, r.site, r.receiptId,
                    refused ? null : r.assetId, refused ? r.refusedReason : null);
        }
    }

    /** A shipment in a list, without its rigs; {@code rigs} is how many it carries. */
    public record ShipmentSummaryView(UUID id, UUID orderId, String carrier, String trackingNumber, String transportMode,
                                      LocalDate exportDate, Instant createdAt, int rigs) {

        static ShipmentSummaryView of(Shipment s) {
            return new ShipmentSummaryView(s.id, s.orderId, s.carrier, s.trackingNumber, s.transportMode, s.exportDate,
                    s.createdAt, s.rigCount);
        }
    }

    /** The sku of each line number. */
    static Map<Integer, String> skus(List<PurchaseOrderLine> lines) {
        Map<Integer, String> skus = new LinkedHashMap<>();
        for (PurchaseOrderLine l : lines) {
            skus.put(l.lineNumber, l.modelCode);
        }
        return skus;
    }
}

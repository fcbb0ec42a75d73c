package io.rigledger.inventory.rig;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rig as the contract shows it (schema Rig): id is the asset id; optional parts (plant, position,
 * MAC, RMA ticket, order, landed cost in USD) are absent when unknown.
 */
public record RigView(String id, String manufacturer, String serialNumber, String model, String plant,
                      String originCountry, RigStatus status, PlacedPosition position, String mac, String rmaTicket,
                      UUID purchaseOrderId, Integer orderLineNumber, LandedCostView landedCost, Instant registeredAt) {

    /** Schema RigList. */
    public record Items(List<RigView> items) {
    }

    /** Schema RigPage; nextCursor is absent on the last page. */
    public record Page(List<RigView> items, String nextCursor) {
    }
}

package io.rigledger.inventory.rig;

import java.time.Instant;
import java.util.UUID;

/** A rig as the contract shows it (schema Rig); purchaseOrderId is absent when unknown. */
public record RigView(UUID id, String serialNumber, String model, String originCountry, RigStatus status,
                      UUID purchaseOrderId, Instant registeredAt) {

    static RigView of(Rig r) {
        return new RigView(r.id, r.serialNumber, r.modelCode, r.originCountry, r.status, r.purchaseOrderId,
                r.registeredAt);
    }
}

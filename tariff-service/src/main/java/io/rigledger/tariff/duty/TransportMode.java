package io.rigledger.tariff.duty;

/** How the goods arrived (CBP Form 7501 mode of transport); HMF applies to OCEAN only (19 CFR 24.24). */
public enum TransportMode {
    OCEAN, AIR, TRUCK, RAIL
}

package io.rigledger.inventory.rig;

/** Where a rig is in its life. Registration is the first state; later states come with later features. */
public enum RigStatus {
    REGISTERED
}

package io.rigledger.inventory.lifecycle;

/** What an event of a rig's history records (schema RigEvent.kind). */
public enum EventKind {
    /** The rig row itself: when and by whom the rig was registered. */
    REGISTERED,
    /** A lifecycle change (deploy, maintenance, RMA, return, retire). */
    STATUS_CHANGED,
    /** A DEPLOYED rig went to another position. */
    MOVED,
    MAC_CHANGED,
    LANDED_COST_CHANGED
}

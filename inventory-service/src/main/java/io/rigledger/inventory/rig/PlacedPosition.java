package io.rigledger.inventory.rig;

/** Schema PlacedPosition: where a rig stands (site, row and rack codes, slot 1..slots). */
public record PlacedPosition(String site, String row, String rack, int slot) {
}

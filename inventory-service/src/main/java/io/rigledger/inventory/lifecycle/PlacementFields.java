package io.rigledger.inventory.lifecycle;

/**
 * How a deploy's fields are named in errors, as the client wrote its request: deployRigs sends
 * {@code placements[i].rig} and {@code placements[i].position}; transitionRig sends one {@code position} for the
 * rig of its path ({@code id}).
 *
 * @param single true for transitionRig
 */
record PlacementFields(boolean single) {

    static final PlacementFields LIST = new PlacementFields(false);
    static final PlacementFields ONE = new PlacementFields(true);

    String rig(int i) {
        return single ? "id" : "placements[" + i + "].rig";
    }

    String position(int i) {
        return single ? "position" : "placements[" + i + "].position";
    }

    /** The whole set of positions. */
    String positions() {
        return single ? "position" : "placements";
    }
}

package io.rigledger.console.fleet;

import io.rigledger.console.upstream.inventory.model.Rack;
import io.rigledger.console.upstream.inventory.model.Rig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One rack of a site with each slot's rig (asset id and status) placed by the rigs' positions, as the
 * rack page draws it: slots 1 to the rack's size, empty where no rig is placed.
 *
 * @param site the site's code
 * @param rack the rack with its slots
 */
public record RackGrid(String site, RackSlots rack) {

    /** One rack: its row, code, size, how many slots inventory-service counts as used, and its slots. */
    public record RackSlots(String row, String code, int slots, int occupied, List<Slot> positions) {
    }

    /** One slot: its number and the rig in it (asset id and status), or none. */
    public record Slot(int number, String assetId, String status, String serialNumber) {
        /** What a screen reader and a tooltip say of the slot. */
        public String label() {
            return assetId == null ? "empty" : assetId + " " + serialNumber + ", " + status;
        }
    }

    /** Places {@code rigs} (those positioned in {@code rack} of {@code site}) in the rack's slots. */
    static RackGrid of(String site, Rack rack, List<Rig> rigs) {
        Map<Integer, Rig> bySlot = new HashMap<>();
        for (Rig rig : rigs) {
            if (rig.getPosition() != null && site.equals(rig.getPosition().getSite())
                    && rack.getCode().equals(rig.getPosition().getRack())) {
                bySlot.put(rig.getPosition().getSlot(), rig);
            }
        }
        List<Slot> slots = new ArrayList<>();
        for (int n = 1; n <= rack.getSlots(); n++) {
            Rig rig = bySlot.get(n);
            slots.add(rig == null ? new Slot(n, null, "", null)
                    : new Slot(n, rig.getId(), rig.getStatus().toString(), rig.getSerialNumber()));
        }
        return new RackGrid(site, new RackSlots(rack.getRow(), rack.getCode(), rack.getSlots(), rack.getOccupied(), slots));
    }
}

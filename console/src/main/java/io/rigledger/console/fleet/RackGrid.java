package io.rigledger.console.fleet;

import io.rigledger.console.upstream.inventory.model.Rack;
import io.rigledger.console.upstream.inventory.model.Rig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's racks with each slot's rig (asset id and status) placed by the rigs' positions, as the
 * racks page draws them: slots 1 to the rack's size, empty where no rig is placed.
 *
 * @param site      the site's code
 * @param racks     its racks in inventory-service's order
 * @param rigsRead  how many of the site's rigs were read to place them
 * @param truncated true when the site has more rigs than were read
 */
public record RackGrid(String site, List<RackSlots> racks, int rigsRead, boolean truncated) {

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

    /** Places {@code rigs} (those with a position at {@code site}) in {@code racks}' slots. */
    static RackGrid of(String site, List<Rack> racks, List<Rig> rigs, boolean truncated) {
        Map<String, Rig> bySlot = new HashMap<>();
        for (Rig rig : rigs) {
            if (rig.getPosition() != null && site.equals(rig.getPosition().getSite())) {
                bySlot.put(rig.getPosition().getRack() + "#" + rig.getPosition().getSlot(), rig);
            }
        }
        List<RackSlots> grid = new ArrayList<>();
        for (Rack rack : racks) {
            List<Slot> slots = new ArrayList<>();
            for (int n = 1; n <= rack.getSlots(); n++) {
                Rig rig = bySlot.get(rack.getCode() + "#" + n);
                slots.add(rig == null ? new Slot(n, null, "", null)
                        : new Slot(n, rig.getId(), rig.getStatus().toString(), rig.getSerialNumber()));
            }
            grid.add(new RackSlots(rack.getRow(), rack.getCode(), rack.getSlots(), rack.getOccupied(), slots));
        }
        return new RackGrid(site, grid, rigs.size(), truncated);
    }
}

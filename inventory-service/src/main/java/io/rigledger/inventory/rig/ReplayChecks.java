package io.rigledger.inventory.rig;

import io.rigledger.inventory.rig.RigInserts.MacHolder;
import io.rigledger.inventory.rig.RigInserts.StoredRig;
import io.rigledger.platform.problem.Problem.Violation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a registration is checked for against itself and the stored fleet, besides the catalogue:
 * serials and MACs repeated inside one request (400), MACs that are another rig's current MAC (409;
 * "no MAC" never matches), and replays that send other facts than the stored rig (reported per rig).
 */
final class ReplayChecks {

    private ReplayChecks() {
    }

    /** rigs[i].serialNumber repeating an earlier rig of the same manufacturer, rigs[i].mac an earlier MAC. */
    static List<Violation> repeats(List<NewRig> rigs, List<String> makers) {
        Map<SerialKey, Integer> firstSerial = new HashMap<>();
        Map<String, Integer> firstMac = new HashMap<>();
        List<Violation> repeats = new ArrayList<>();
        for (int i = 0; i < rigs.size(); i++) {
            Integer earlier = firstSerial.putIfAbsent(new SerialKey(makers.get(i), rigs.get(i).serialNumber()), i);
            if (earlier != null) {
                repeats.add(new Violation("rigs[" + i + "].serialNumber",
                        "repeats rigs[" + earlier + "].serialNumber of the same manufacturer"));
            }
            String mac = Macs.normalise(rigs.get(i).mac());
            Integer earlierMac = mac == null ? null : firstMac.putIfAbsent(mac, i);
            if (earlierMac != null) {
                repeats.add(new Violation("rigs[" + i + "].mac", "repeats rigs[" + earlierMac + "].mac"));
            }
        }
        return repeats;
    }

    /** The normalised MACs of the rigs not stored yet (the only ones a registration writes). */
    static List<String> newMacs(List<NewRig> rigs, List<String> makers, Set<SerialKey> stored) {
        List<String> macs = new ArrayList<>();
        for (int i = 0; i < rigs.size(); i++) {
            String mac = Macs.normalise(rigs.get(i).mac());
            if (mac != null && !stored.contains(new SerialKey(makers.get(i), rigs.get(i).serialNumber()))) {
                macs.add(mac);
            }
        }
        return macs;
    }

    /** rigs[i].mac that is the current MAC of another rig of the organisation (not RETIRED). */
    static List<Violation> macClashes(List<NewRig> rigs, List<String> makers, Set<SerialKey> stored,
                                      Map<String, MacHolder> holders) {
        List<Violation> clashes = new ArrayList<>();
        for (int i = 0; i < rigs.size(); i++) {
            SerialKey key = new SerialKey(makers.get(i), rigs.get(i).serialNumber());
            MacHolder holder = holders.get(Macs.normalise(rigs.get(i).mac()));
            if (holder != null && !stored.contains(key) && !holder.key().equals(key)) {
                clashes.add(new Violation("rigs[" + i + "].mac",
                        "is the current MAC of rig " + AssetIds.format(holder.id())));
            }
        }
        return clashes;
    }

    /**
     * How a replayed rig differs from the stored one: model, originCountry, plant, purchaseOrderId,
     * orderLineNumber (a MAC and a landed cost may have changed since, so they are not compared).
     *
     * @return violations named rigs[i].field, empty when the replay sends the stored facts
     */
    static List<Violation> replayConflicts(int i, NewRig sent, StoredRig stored) {
        List<Violation> conflicts = new ArrayList<>();
        differs(conflicts, i, "model", sent.model(), stored.model());
        differs(conflicts, i, "originCountry", sent.originCountry(), stored.originCountry());
        differs(conflicts, i, "plant", sent.plant(), stored.plant());
        differs(conflicts, i, "purchaseOrderId", sent.purchaseOrderId(), stored.purchaseOrderId());
        differs(conflicts, i, "orderLineNumber", sent.orderLineNumber(), stored.orderLine());
        return conflicts;
    }

    private static void differs(List<Violation> conflicts, int i, String field, Object sent, Object stored) {
        if (!Objects.equals(sent, stored)) {
            conflicts.add(new Violation("rigs[" + i + "]." + field, "is " + (stored == null ? "absent" : stored)
                    + " on the registered rig; this replay sends " + (sent == null ? "none" : sent)
                    + " and nothing was changed"));
        }
    }
}

package io.rigledger.inventory.lifecycle;

import io.rigledger.inventory.lifecycle.LifecycleRequests.Placement;
import io.rigledger.inventory.lifecycle.LifecycleRequests.Position;
import io.rigledger.inventory.model.RigModel;
import io.rigledger.inventory.place.Rack;
import io.rigledger.inventory.place.Site;
import io.rigledger.inventory.place.SiteService;
import io.rigledger.inventory.rig.AssetIds;
import io.rigledger.inventory.rig.Rig;
import io.rigledger.inventory.rig.RigStatus;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts rigs at positions, all or nothing. Target sites are locked first (in id order), then the
 * rigs (in id order), so concurrent deploys to one site are serialised: of two deploys to one
 * position exactly one wins and the other is 409; the unique (rack, slot) constraint backs this.
 * A site's power in use (W, nameplate of its DEPLOYED rigs) may not pass its capacity (kW x 1000)
 * unless the caller overrides, which each rig's event records.
 */
@ApplicationScoped
public class Deployer {

    @Inject
    SiteService sites;

    @Inject
    Places places;

    /** Runs inside the caller's transaction; answers the rigs' ids in request order. */
    List<Long> deploy(String org, String actor, List<Placement> placements, String reason, boolean override,
                      PlacementFields fields) {
        List<Long> ids = rejectRepeats(placements, fields);
        Map<String, Site> targetSites = lockSites(org, placements);
        List<Rack> racks = racks(placements, targetSites, fields);
        Map<Long, Rig> rigs = lockRigs(org, ids, placements);
        rejectOccupied(placements, racks, ids, fields);
        Map<Long, Boolean> overridden = checkCapacity(placements, targetSites, rigs, override);

        Instant now = Instant.now();
        for (int i = 0; i < placements.size(); i++) {
            Rig rig = rigs.get(ids.get(i));
            Rack rack = racks.get(i);
            Site site = targetSites.get(placements.get(i).position().site());
            RigStatus was = rig.status;
            if (!was.mayBecome(RigStatus.DEPLOYED)) {
                throw Problems.conflict(List.of(new Violation(fields.rig(i),
                        "names " + placements.get(i).rig() + ", which is " + was + " and cannot become DEPLOYED")));
            }
            if (was == RigStatus.DEPLOYED && rack.id.equals(rig.rackId)
                    && placements.get(i).position().slot().equals(rig.slot)) {
                // a move to where the rig stands would record MOVED X -> X: refused, nothing recorded
                throw Problems.conflict(List.of(new Violation(fields.position(i), "is where "
                        + placements.get(i).rig() + " already stands (slot " + rig.slot + " of rack " + rack.code
                        + "); nothing to move")));
            }
            RigState from = RigState.status(was, places.of(rig), rig.rmaTicket);
            rig.status = RigStatus.DEPLOYED;
            rig.siteId = site.id;
            rig.rackId = rack.id;
            rig.slot = placements.get(i).position().slot();
            rig.rmaTicket = null;
            RigEvent event = RigEvent.of(rig.id, now, actor, was == RigStatus.DEPLOYED ? EventKind.MOVED
                    : EventKind.STATUS_CHANGED, from, RigState.status(RigStatus.DEPLOYED, places.of(rig), null), reason);
            event.capacityOverride = overridden.getOrDefault(site.id, false);
            event.persist();
        }
        try {
            Rig.flush();
        } catch (PersistenceException e) {
            if (Places.isUniqueViolation(e)) {
                throw Problems.conflict(List.of(new Violation(fields.positions(),
                        "include a position another deploy took at the same time")));
            }
            throw e;
        }
        return ids;
    }

    /** 400 for a rig named twice or two rigs sent to one position. */
    private static List<Long> rejectRepeats(List<Placement> placements, PlacementFields fields) {
        List<Violation> repeats = new ArrayList<>();
        Map<Long, Integer> rigAt = new HashMap<>();
        Map<Position, Integer> positionAt = new HashMap<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            long id = AssetIds.parse(placements.get(i).rig(), fields.rig(i));
            ids.add(id);
            Integer first = rigAt.putIfAbsent(id, i);
            if (first != null) {
                repeats.add(new Violation(fields.rig(i), "repeats " + fields.rig(first)));
            }
            Integer taken = positionAt.putIfAbsent(placements.get(i).position(), i);
            if (taken != null) {
                repeats.add(new Violation(fields.position(i),
                        "is also the position of placements[" + taken + "]: one rig per position"));
            }
        }
        if (!repeats.isEmpty()) {
            throw Problems.invalid(repeats);
        }
        return ids;
    }

    private Map<String, Site> lockSites(String org, List<Placement> placements) {
        Map<String, Site> byCode = new TreeMap<>();
        for (Placement p : placements) {
            byCode.putIfAbsent(p.position().site(), sites.find(org, p.position().site())
                    .orElseThrow(() -> Problems.notFound("site", p.position().site())));
        }
        Map<String, Site> locked = new HashMap<>();
        byCode.values().stream().sorted(Comparator.comparing((Site s) -> s.id))
                .forEach(s -> locked.put(s.code, sites.lock(org, s.code)));
        return locked;
    }

    /** Each placement's rack; 404 for an unknown rack, 400 for a slot outside it. */
    private static List<Rack> racks(List<Placement> placements, Map<String, Site> targetSites, PlacementFields fields) {
        List<Rack> racks = new ArrayList<>();
        List<Violation> outside = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            Position p = placements.get(i).position();
            Rack rack = Rack.<Rack>find("siteId = ?1 and code = ?2", targetSites.get(p.site()).id, p.rack())
                    .firstResultOptional().orElseThrow(() -> Problems.notFound("rack", p.site() + "/" + p.rack()));
            if (p.slot() > rack.slots) {
                outside.add(new Violation(fields.position(i) + ".slot",
                        "is outside rack " + p.rack() + ", which has slots 1.." + rack.slots));
            }
            racks.add(rack);
        }
        if (!outside.isEmpty()) {
            throw Problems.invalid(outside);
        }
        return racks;
    }

    private static Map<Long, Rig> lockRigs(String org, List<Long> ids, List<Placement> placements) {
        Map<Long, Rig> rigs = new HashMap<>();
        Rig.<Rig>find("org = ?1 and id in ?2 order by id", org, ids).withLock(LockModeType.PESSIMISTIC_WRITE)
                .list().forEach(r -> rigs.put(r.id, r));
        for (int i = 0; i < ids.size(); i++) {
            if (!rigs.containsKey(ids.get(i))) {
                throw Problems.notFound("rig", placements.get(i).rig());
            }
        }
        return rigs;
    }

    /** 409 when a target position holds a rig other than the one sent there. */
    private static void rejectOccupied(List<Placement> placements, List<Rack> racks, List<Long> ids,
                                       PlacementFields fields) {
        List<Violation> taken = new ArrayList<>();
        for (int i = 0; i < placements.size(); i++) {
            int slot = placements.get(i).position().slot();
            Rig holder = Rig.<Rig>find("rackId = ?1 and slot = ?2", racks.get(i).id, slot).firstResult();
            if (holder != null && !holder.id.equals(ids.get(i))) {
                taken.add(new Violation(fields.position(i),
                        "is taken: slot " + slot + " of rack " + racks.get(i).code + " holds " + AssetIds.format(holder.id)));
            }
        }
        if (!taken.isEmpty()) {
            throw Problems.conflict(taken);
        }
    }

    /** Per target site: whether the deploy passes capacity by override (409 when it would without one). */
    private Map<Long, Boolean> checkCapacity(List<Placement> placements, Map<String, Site> targetSites,
                                             Map<Long, Rig> rigs, boolean override) {
        Map<Long, Long> addedWatts = new HashMap<>();
        for (Placement p : placements) {
            Site site = targetSites.get(p.position().site());
            Rig rig = rigs.get(AssetIds.parse(p.rig(), "rig"));
            if (rig.status != RigStatus.DEPLOYED || !site.id.equals(rig.siteId)) {
                RigModel model = RigModel.findById(rig.modelCode);
                addedWatts.merge(site.id, (long) model.powerWatts, Long::sum);
            }
        }
        Map<Long, Boolean> overridden = new HashMap<>();
        List<Violation> over = new ArrayList<>();
        for (Site site : targetSites.values()) {
            long added = addedWatts.getOrDefault(site.id, 0L);
            long inUse = sites.powerInUseWatts(site);
            long capacity = site.capacityKw.multiply(BigDecimal.valueOf(1000)).longValue();
            boolean exceeds = added > 0 && inUse + added > capacity;
            overridden.put(site.id, exceeds && override);
            if (exceeds && !override) {
                over.add(new Violation("capacityOverride", "must be true to deploy anyway: site " + site.code
                        + " would use " + (inUse + added) + " W of its " + capacity + " W capacity"));
            }
        }
        if (!over.isEmpty()) {
            throw Problems.conflict(over);
        }
        return overridden;
    }
}

package io.rigledger.inventory.lifecycle;

import io.rigledger.inventory.lifecycle.LifecycleRequests.Placement;
import io.rigledger.inventory.lifecycle.LifecycleRequests.Position;
import io.rigledger.inventory.lifecycle.LifecycleRequests.Transition;
import io.rigledger.inventory.place.Rack;
import io.rigledger.inventory.place.Site;
import io.rigledger.inventory.place.SiteService;
import io.rigledger.inventory.rig.AssetIds;
import io.rigledger.inventory.rig.LandedCostView;
import io.rigledger.inventory.rig.Macs;
import io.rigledger.inventory.rig.Rig;
import io.rigledger.inventory.rig.RigStatus;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every change of a rig after registration, each with its event (who, when, from, to, why) in the
 * same transaction; the fleet rollups follow by trigger in that transaction too. Lifecycle rules:
 * {@link RigStatus}; an illegal change is 409.
 */
@ApplicationScoped
public class LifecycleService {

    @Inject
    Deployer deployer;

    @Inject
    Places places;

    @Inject
    SiteService sites;

    @Inject
    EntityManager em;

    /**
     * Moves one rig to {@code t.to()}. Deploying needs a position, except from MAINTENANCE, where
     * the rig goes back to its own; RMA needs a ticket.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 unknown status or missing
     *         position/ticket; 404 unknown rig, site or rack; 409 illegal change, taken position, capacity
     */
    @Transactional
    public void transition(String org, String actor, long id, Transition t) {
        RigStatus to = status(t.to());
        if (to == RigStatus.DEPLOYED) {
            deployer.deploy(org, actor, List.of(new Placement(AssetIds.format(id), deployTarget(org, id, t))),
                    t.reason(), Boolean.TRUE.equals(t.capacityOverride()), PlacementFields.ONE);
            return;
        }
        if (t.position() != null) {
            throw Problems.badRequest("position", "must be absent: only a transition to DEPLOYED takes a position; a rig in "
                    + to + " has none of its own choosing");
        }
        Rig rig = lock(org, id);
        if (!rig.status.mayBecome(to)) {
            throw Problems.conflict(List.of(new Violation("to", "cannot be " + to + " for a rig in " + rig.status
                    + "; allowed: " + rig.status.next())));
        }
        if (to == RigStatus.RMA && t.rmaTicket() == null) {
            throw Problems.badRequest("rmaTicket", "is required to send a rig to RMA");
        }
        RigState from = RigState.status(rig.status, places.of(rig), rig.rmaTicket);
        rig.status = to;
        if (!to.positioned()) {
            rig.siteId = null;
            rig.rackId = null;
            rig.slot = null;
        }
        rig.rmaTicket = to == RigStatus.RMA ? t.rmaTicket() : null;
        RigEvent.of(rig.id, Instant.now(), actor, EventKind.STATUS_CHANGED, from,
                RigState.status(to, places.of(rig), rig.rmaTicket), t.reason()).persist();
    }

    /**
     * Deploys a list of rigs, all or nothing (see {@link Deployer}).
     *
     * @return the rigs' ids in request order
     */
    @Transactional
    public List<Long> deploy(String org, String actor, List<Placement> placements, String reason, boolean override) {
        return deployer.deploy(org, actor, placements, reason, override, PlacementFields.LIST);
    }

    /**
     * Records the rig's current MAC (null or all zeros = no MAC); the previous one stays in the history.
     *
     * @throws io.rigledger.platform.problem.ProblemException 409 naming mac when another rig of the organisation
     *         (not RETIRED) holds that MAC now, or when the rig is RETIRED
     */
    @Transactional
    public void setMac(String org, String actor, long id, String mac, String reason) {
        Rig rig = lock(org, id);
        refuseRetired(rig, "mac", "MAC");
        String now = Macs.normalise(mac);
        if (Objects.equals(now, rig.mac)) {
            return;
        }
        Optional<Rig> holder = now == null ? Optional.empty() : Rig.<Rig>find(
                "org = ?1 and mac = ?2 and status <> ?3 and id <> ?4", org, now, RigStatus.RETIRED, rig.id)
                .firstResultOptional();
        if (holder.isPresent()) {
            throw Problems.conflict(List.of(new Violation("mac",
                    "is the current MAC of rig " + AssetIds.format(holder.get().id))));
        }
        RigEvent.of(rig.id, Instant.now(), actor, EventKind.MAC_CHANGED, RigState.mac(rig.mac), RigState.mac(now),
                reason).persist();
        rig.mac = now;
        try {
            Rig.flush();
        } catch (PersistenceException e) {
            if (Places.isUniqueViolation(e)) {
                throw Problems.conflict(List.of(new Violation("mac",
                        "became another rig's current MAC at the same time")));
            }
            throw e;
        }
    }

    /** Replaces the rig's landed cost (USD); the previous one stays in the history. */
    @Transactional
    public void setLandedCost(String org, String actor, long id, LandedCostView cost, String reason) {
        Rig rig = lock(org, id);
        refuseRetired(rig, "landedCost", "landed cost");
        LandedCostView was = LandedCostView.of(rig.priceUsd, rig.dutyUsd, rig.feesUsd);
        rig.priceUsd = cost.price();
        rig.dutyUsd = cost.duty();
        rig.feesUsd = cost.fees();
        RigEvent.of(rig.id, Instant.now(), actor, EventKind.LANDED_COST_CHANGED, RigState.cost(was),
                RigState.cost(LandedCostView.of(cost.price(), cost.duty(), cost.fees())), reason).persist();
    }

    /**
     * Every DEPLOYED rig of the site goes to MAINTENANCE (keeping its position), one event each,
     * in one statement.
     *
     * @return how many rigs changed
     */
    @Transactional
    public int siteIntoMaintenance(String org, String actor, String siteCode, String reason) {
        Site site = sites.lock(org, siteCode);
        return em.createNativeQuery("""
                with changed as (
                    update rig set status = 'MAINTENANCE', version = version + 1
                    where org = ?1 and site_id = ?2 and status = 'DEPLOYED'
                    returning id)
                insert into rig_event (rig_id, at, actor, kind, from_state, to_state, reason)
                select id, ?3, ?4, 'STATUS_CHANGED', '{"status":"DEPLOYED"}'::jsonb, '{"status":"MAINTENANCE"}'::jsonb, ?5
                from changed
                """).setParameter(1, org).setParameter(2, site.id).setParameter(3, Timestamp.from(Instant.now()))
                .setParameter(4, actor).setParameter(5, reason).executeUpdate();
    }

    /** 409 naming {@code field}: a RETIRED rig is kept as it was, forever. */
    private static void refuseRetired(Rig rig, String field, String what) {
        if (rig.status == RigStatus.RETIRED) {
            throw Problems.conflict(List.of(new Violation(field, "cannot change: " + AssetIds.format(rig.id)
                    + " is RETIRED, and a retired rig's " + what + " stays as it was")));
        }
    }

    /** 400 naming {@code to} for a status the contract does not know. */
    static RigStatus status(String to) {
        try {
            return RigStatus.valueOf(to);
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest("to", "must be one of RECEIVED, DEPLOYED, MAINTENANCE, RMA, RETIRED");
        }
    }

    private Position deployTarget(String org, long id, Transition t) {
        if (t.position() != null) {
            return t.position();
        }
        Rig rig = Rig.<Rig>find("org = ?1 and id = ?2", org, id).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("rig", AssetIds.format(id)));
        if (rig.status != RigStatus.MAINTENANCE) {
            throw Problems.badRequest("position", "is required to deploy a rig in " + rig.status);
        }
        Site site = Site.findById(rig.siteId);
        Rack rack = Rack.findById(rig.rackId);
        return new Position(site.code, rack.code, rig.slot);
    }

    private static Rig lock(String org, long id) {
        return Rig.<Rig>find("org = ?1 and id = ?2", org, id).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> Problems.notFound("rig", AssetIds.format(id)));
    }
}

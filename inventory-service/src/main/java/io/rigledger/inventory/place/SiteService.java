package io.rigledger.inventory.place;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.rigledger.inventory.model.RigModelView;
import io.rigledger.inventory.place.PlaceViews.RackChange;
import io.rigledger.inventory.place.PlaceViews.RackView;
import io.rigledger.inventory.place.PlaceViews.SiteChange;
import io.rigledger.inventory.place.PlaceViews.SiteView;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sites and racks of one organisation, and the power in use at a site (W, from the fleet rollups). */
@ApplicationScoped
public class SiteService {

    private static final BigDecimal WATTS_PER_KW = BigDecimal.valueOf(1000);

    @Inject
    EntityManager em;

    public Optional<Site> find(String org, String code) {
        return Site.find("org = :org and code = :code", Parameters.with("org", org).and("code", code))
                .firstResultOptional();
    }

    /** The site, locked until the transaction ends: deploys to one site are serialised on it. */
    public Site lock(String org, String code) {
        return Site.<Site>find("org = :org and code = :code", Parameters.with("org", org).and("code", code))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> Problems.notFound("site", code));
    }

    /** Up to {@code limit} sites with a code after {@code afterCode}, by code. */
    public List<Site> page(String org, String afterCode, int limit) {
        if (afterCode == null) {
            return Site.find("org = ?1", Sort.by("code"), org).page(0, limit).list();
        }
        return Site.find("org = ?1 and code > ?2", Sort.by("code"), org, afterCode).page(0, limit).list();
    }

    /**
     * Creates or updates a site. The site is locked first, so a capacity change and deploys to the site are
     * serialised; every capacity change is recorded in the site's history (site_event).
     *
     * @param actor who makes the change, for the history
     * @throws io.rigledger.platform.problem.ProblemException 409 naming capacityKw when the new capacity is below
     *         the power the site's DEPLOYED rigs draw and capacityOverride is not true
     */
    @Transactional
    public Site put(String org, String actor, String code, SiteChange change) {
        Site site = Site.<Site>find("org = :org and code = :code", Parameters.with("org", org).and("code", code))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElse(null);
        BigDecimal before = null;
        BigDecimal inUse = BigDecimal.ZERO;
        if (site == null) {
            site = new Site();
            site.org = org;
            site.code = code;
        } else {
            before = site.capacityKw;
            inUse = kw(powerInUseWatts(site));
        }
        boolean below = change.capacityKw().compareTo(inUse) < 0;
        boolean override = Boolean.TRUE.equals(change.capacityOverride());
        if (below && !override) {
            throw Problems.conflict(List.of(new Violation("capacityKw", "is below the power in use: site " + code + " has "
                    + RigModelView.plain(inUse).toPlainString() + " kW in use by its deployed rigs, above "
                    + RigModelView.plain(change.capacityKw()).toPlainString()
                    + " kW (set capacityOverride, with a reason, to lower it anyway)")));
        }
        site.name = change.name();
        site.usState = change.state();
        site.capacityKw = change.capacityKw();
        site.persist();
        if (before == null || before.compareTo(change.capacityKw()) != 0) {
            SiteEvent event = new SiteEvent();
            event.siteId = site.id;
            event.at = Instant.now().truncatedTo(ChronoUnit.MICROS);
            event.actor = actor;
            event.capacityKwFrom = before;
            event.capacityKwTo = change.capacityKw();
            event.powerInUseKw = inUse;
            event.capacityOverride = below;
            event.reason = change.reason();
            event.persist();
        }
        return site;
    }

    /** Up to {@code limit} capacity changes of the site after event {@code afterId}, oldest first. */
    public List<SiteEvent> history(Site site, Long afterId, int limit) {
        if (afterId == null) {
            return SiteEvent.find("siteId = ?1", Sort.by("id"), site.id).page(0, limit).list();
        }
        return SiteEvent.find("siteId = ?1 and id > ?2", Sort.by("id"), site.id, afterId).page(0, limit).list();
    }

    /** The wire form of a history entry. */
    public static PlaceViews.SiteEventView view(SiteEvent e) {
        return new PlaceViews.SiteEventView(e.at.toString(), e.actor,
                e.capacityKwFrom == null ? null : RigModelView.plain(e.capacityKwFrom), RigModelView.plain(e.capacityKwTo),
                RigModelView.plain(e.powerInUseKw), e.capacityOverride, e.reason);
    }

    private static BigDecimal kw(long watts) {
        return BigDecimal.valueOf(watts).divide(WATTS_PER_KW, 3, RoundingMode.HALF_UP);
    }

    /**
     * Creates or resizes a rack.
     *
     * @throws io.rigledger.platform.problem.ProblemException 404 for an unknown site; 409 when a rig
     *         stands in a slot the new size would drop
     */
    @Transactional
    public RackView putRack(String org, String siteCode, String code, RackChange change) {
        Site site = lock(org, siteCode);
        Rack rack = Rack.<Rack>find("siteId = ?1 and code = ?2", site.id, code).firstResultOptional().orElseGet(() -> {
            Rack r = new Rack();
            r.siteId = site.id;
            r.code = code;
            return r;
        });
        if (rack.id != null) {
            Number highest = (Number) em.createNativeQuery("select coalesce(max(slot), 0) from rig where rack_id = ?1")
                    .setParameter(1, rack.id).getSingleResult();
            if (highest.intValue() > change.slots()) {
                throw Problems.conflict(List.of(new Violation("slots",
                        "cannot go below " + highest + ": a rig stands in slot " + highest + "; empty it before shrinking the rack")));
            }
        }
        rack.rowCode = change.row();
        rack.slots = change.slots();
        rack.persist();
        return new RackView(site.code, rack.rowCode, rack.code, rack.slots, occupied(rack.id));
    }

    /** Every rack of the site, by code, with its occupied slot count. */
    public List<RackView> racks(Site site) {
        List<Rack> racks = Rack.list("siteId", Sort.by("code"), site.id);
        Map<Long, Integer> occupied = new HashMap<>();
        for (Object row : em.createNativeQuery(
                "select rack_id, count(*) from rig where site_id = ?1 group by rack_id").setParameter(1, site.id)
                .getResultList()) {
            Object[] cols = (Object[]) row;
            occupied.put(((Number) cols[0]).longValue(), ((Number) cols[1]).intValue());
        }
        return racks.stream().map(r -> new RackView(site.code, r.rowCode, r.code, r.slots,
                occupied.getOrDefault(r.id, 0))).toList();
    }

    /** Nameplate power of the site's DEPLOYED rigs, W, from the rollups (includes this transaction's changes). */
    public long powerInUseWatts(Site site) {
        Number watts = (Number) em.createNativeQuery("""
                select coalesce(sum(f.rig_count * m.power_watts), 0) from fleet_rollup f
                join rig_model m on m.code = f.model_code
                where f.org = ?1 and f.site_id = ?2 and f.status = 'DEPLOYED'
                """).setParameter(1, site.org).setParameter(2, site.id).getSingleResult();
        return watts.longValue();
    }

    public SiteView view(Site site) {
        BigDecimal inUse = kw(powerInUseWatts(site));
        return new SiteView(site.code, site.name, site.usState, RigModelView.plain(site.capacityKw),
                RigModelView.plain(inUse));
    }

    private int occupied(Long rackId) {
        return ((Number) em.createNativeQuery("select count(*) from rig where rack_id = ?1").setParameter(1, rackId)
                .getSingleResult()).intValue();
    }
}

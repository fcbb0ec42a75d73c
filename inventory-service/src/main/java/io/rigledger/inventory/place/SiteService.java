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

    @Transactional
    public Site put(String org, String code, SiteChange change) {
        Site site = find(org, code).orElseGet(() -> {
            Site s = new Site();
            s.org = org;
            s.code = code;
            return s;
        });
        site.name = change.name();
        site.usState = change.state();
        site.capacityKw = change.capacityKw();
        site.persist();
        return site;
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
                        "a rig stands in slot " + highest + "; empty it before shrinking the rack")));
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
        BigDecimal inUse = BigDecimal.valueOf(powerInUseWatts(site)).divide(WATTS_PER_KW, 3, RoundingMode.HALF_UP);
        return new SiteView(site.code, site.name, site.usState, RigModelView.plain(site.capacityKw),
                RigModelView.plain(inUse));
    }

    private int occupied(Long rackId) {
        return ((Number) em.createNativeQuery("select count(*) from rig where rack_id = ?1").setParameter(1, rackId)
                .getSingleResult()).intValue();
    }
}

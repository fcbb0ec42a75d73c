package io.rigledger.inventory.place;

import io.rigledger.inventory.access.Tenant;
import io.rigledger.inventory.place.PlaceViews.RackChange;
import io.rigledger.inventory.place.PlaceViews.RackList;
import io.rigledger.inventory.place.PlaceViews.RackView;
import io.rigledger.inventory.place.PlaceViews.SiteChange;
import io.rigledger.inventory.place.PlaceViews.SiteHistory;
import io.rigledger.inventory.place.PlaceViews.SitePage;
import io.rigledger.inventory.place.PlaceViews.SiteView;
import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Sites and racks of the caller's organisation; another organisation's site answers 404. */
@Path("/api/sites")
@Produces(MediaType.APPLICATION_JSON)
public class SiteResource {

    @Inject
    SiteService sites;

    @Inject
    Tenant tenant;

    @Inject
    Paging paging;

    @GET
    @RolesAllowed({"operator", "finance", "ops"})
    public SitePage listSites(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String org = tenant.org();
        int size = paging.limit(limit);
        CursorScope scope = CursorScope.of(org, "sites");
        CursorKey after = paging.after(cursor, 1, scope);
        List<Site> rows = sites.page(org, after == null ? null : after.text(0), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = paging.cursor(scope, rows.get(size - 1).code);
        }
        return new SitePage(rows.stream().map(sites::view).toList(), next);
    }

    @GET
    @Path("/{site}")
    @RolesAllowed({"operator", "finance", "ops"})
    public SiteView getSite(@PathParam("site") @Size(max = 32)
            @Pattern(regexp = PlaceViews.CODE, message = PlaceViews.CODE_MESSAGE) String site) {
        return sites.view(sites.find(tenant.org(), site).orElseThrow(() -> Problems.notFound("site", site)));
    }

    @PUT
    @Path("/{site}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ops")
    public SiteView putSite(@PathParam("site") @Size(max = 32)
            @Pattern(regexp = PlaceViews.CODE, message = PlaceViews.CODE_MESSAGE) String site,
            @NotNull @Valid SiteChange body) {
        String org = tenant.org();
        sites.put(org, tenant.actor(), site, body);
        return sites.view(sites.find(org, site).orElseThrow());
    }

    /** Every change of the site's power capacity, oldest first: who, when, from, to, power in use, override, why. */
    @GET
    @Path("/{site}/history")
    @RolesAllowed({"operator", "finance", "ops"})
    public SiteHistory getSiteHistory(@PathParam("site") @Size(max = 32)
            @Pattern(regexp = PlaceViews.CODE, message = PlaceViews.CODE_MESSAGE) String site,
            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        String org = tenant.org();
        int size = paging.limit(limit);
        CursorScope scope = CursorScope.of(org, "site-history", site);
        CursorKey after = paging.after(cursor, 1, scope);
        Site found = sites.find(org, site).orElseThrow(() -> Problems.notFound("site", site));
        List<SiteEvent> rows = sites.history(found, after == null ? null : after.number(0), size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = paging.cursor(scope, Long.toString(rows.get(size - 1).id));
        }
        return new SiteHistory(rows.stream().map(SiteService::view).toList(), next);
    }

    @GET
    @Path("/{site}/racks")
    @RolesAllowed({"operator", "finance", "ops"})
    public RackList listRacks(@PathParam("site") @Size(max = 32)
            @Pattern(regexp = PlaceViews.CODE, message = PlaceViews.CODE_MESSAGE) String site) {
        Site found = sites.find(tenant.org(), site).orElseThrow(() -> Problems.notFound("site", site));
        return new RackList(sites.racks(found));
    }

    @PUT
    @Path("/{site}/racks/{rack}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("ops")
    public RackView putRack(@PathParam("site") @Size(max = 32)
            @Pattern(regexp = PlaceViews.CODE, message = PlaceViews.CODE_MESSAGE) String site,
            @PathParam("rack") @Size(max = 32)
            @Pattern(regexp = PlaceViews.CODE, message = PlaceViews.CODE_MESSAGE) String rack,
            @NotNull @Valid RackChange body) {
        return sites.putRack(tenant.org(), site, rack, body);
    }
}

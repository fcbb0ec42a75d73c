package io.rigledger.console.fleet;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.rigledger.console.upstream.ApiProblem;
import io.rigledger.console.upstream.Fleet;
import io.rigledger.console.upstream.inventory.model.FleetSummary;
import io.rigledger.console.upstream.inventory.model.Rack;
import io.rigledger.console.upstream.inventory.model.RackList;
import io.rigledger.console.upstream.inventory.model.Rig;
import io.rigledger.console.upstream.inventory.model.RigEvent;
import io.rigledger.console.upstream.inventory.model.SitePage;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Ops' pages: the fleet by site and status with a bar chart per site and a pie of origin, a rig
 * looked up by asset id, serial or MAC with its history, a site's racks, and a rack as a grid of
 * positions by status (one rack a page, so a page reads one listRigs page). What ops may read is inventory-service's call.
 */
@Path("/fleet")
@Authenticated
public class FleetPages {

    /** The rig lookup's one field as the form labels it (its name is q). */
    static final String LOOKUP_FIELD = "q (Asset id, maker's serial or MAC)";
    /** The field inventory-service names first in its refusal of a lookup: listRigs' serialNumber or mac, getRig's id. */
    private static final java.util.regex.Pattern LOOKUP_NAMES = java.util.regex.Pattern.compile("^(serialNumber|mac|assetId|id)\\b");

    @Inject
    Fleet fleet;

    @ConfigProperty(name = "rigledger.console.chart-js-version", defaultValue = "4.4.1")
    String chartJsVersion;

    /** The fleet page's model: the table's groups and the two charts' Chart.js configurations (JSON). */
    public record SummaryView(FleetSummary bySiteAndStatus, String siteChart, String originChart, String chartJsVersion) {
    }

    /** The rig lookup's model: what was asked, the rig found (or null) and its history. */
    public record RigView(String query, boolean searched, Rig rig, List<RigEvent> history) {
    }

    @Inject
    @Location("fleet/summary.html")
    Template summaryPage;

    @Inject
    @Location("fleet/rigs.html")
    Template rigsPage;

    @Inject
    @Location("fleet/sites.html")
    Template sitesPage;

    @Inject
    @Location("fleet/racks.html")
    Template racksPage;

    @Inject
    @Location("fleet/rack.html")
    Template rackPage;

    /** The racks page's model: the site's code and its racks with their counts. */
    public record RacksView(String site, RackList racks) {
    }

    /** The fleet by site and status, with the charts. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance summary() {
        FleetSummary table = fleet.summary(List.of("site", "status"));
        FleetSummary bySite = fleet.summary(List.of("site"));
        FleetSummary byOrigin = fleet.summary(List.of("originCountry"));
        return summaryPage.data("view", new SummaryView(table, Charts.perSite(bySite), Charts.origins(byOrigin), chartJsVersion));
    }

    /**
     * A rig by asset id, serial or MAC ({@code q}), with its history; the form alone without {@code q}.
     *
     * @throws ApiProblem inventory-service's 400 with the field it named (serialNumber, mac, id) said as the one the
     *         person typed into, {@value #LOOKUP_FIELD}; its other refusals as they are
     */
    @GET
    @Path("/rigs")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance rigs(@QueryParam("q") String q) {
        if (q == null || q.isBlank()) {
            return rigsPage.data("view", new RigView("", false, null, List.of()));
        }
        Rig rig;
        try {
            rig = fleet.lookUp(q).orElse(null);
        } catch (ApiProblem refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            throw new ApiProblem(refused.service(), 400, refused.title(), LOOKUP_NAMES.matcher(refused.detail()).replaceAll(LOOKUP_FIELD),
                    refused.violations().stream().map(v -> v.replaceFirst("^[^:]*:", LOOKUP_FIELD + ":")).toList());
        }
        List<RigEvent> history = rig == null ? List.of() : fleet.history(rig.getId());
        return rigsPage.data("view", new RigView(q.trim(), true, rig, history));
    }

    /** The organisation's sites, each a link to its racks. */
    @GET
    @Path("/sites")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance sites() {
        return sitesPage.data("sites", fleet.sites());
    }

    /** A site's racks (row, code, slots, used), each a link to its grid of positions; one call to inventory-service. */
    @GET
    @Path("/sites/{site}/racks")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance racks(@PathParam("site") String site) {
        return racksPage.data("view", new RacksView(site, fleet.racks(site)));
    }

    /**
     * One rack of a site as a grid of positions, each showing the status of the rig in it: the site's racks (for
     * the rack's size) and one listRigs page of the rigs in that rack. A rack the site does not have is 404.
     */
    @GET
    @Path("/sites/{site}/racks/{rack}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance rack(@PathParam("site") String site, @PathParam("rack") String rack) {
        Rack found = fleet.racks(site).getItems().stream().filter(r -> r.getCode().equals(rack)).findFirst()
                .orElseThrow(() -> new ApiProblem("console", 404, "Not Found", "site " + site + " has no rack " + rack, List.of()));
        return rackPage.data("view", RackGrid.of(site, found, fleet.rigsInRack(site, rack)));
    }
}

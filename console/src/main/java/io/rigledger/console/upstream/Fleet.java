package io.rigledger.console.upstream;

import io.rigledger.console.upstream.inventory.api.FleetApi;
import io.rigledger.console.upstream.inventory.api.RigsApi;
import io.rigledger.console.upstream.inventory.api.SitesApi;
import io.rigledger.console.upstream.inventory.model.FleetSummary;
import io.rigledger.console.upstream.inventory.model.RackList;
import io.rigledger.console.upstream.inventory.model.Rig;
import io.rigledger.console.upstream.inventory.model.RigEvent;
import io.rigledger.console.upstream.inventory.model.RigPage;
import io.rigledger.console.upstream.inventory.model.SitePage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * inventory-service as ops sees it, with the signed-in person's token: the fleet summary, a rig and
 * its history, sites, racks and the rigs in a rack. Every method throws {@link ApiProblem} when
 * inventory-service refuses (its problem) or does not answer (503).
 */
@ApplicationScoped
public class Fleet {

    static final String SERVICE = "inventory-service";
    /** inventory.yaml's AssetId and Mac patterns: what a lookup is by. */
    private static final Pattern ASSET_ID = Pattern.compile("^RIG-([0-9]{9}|[1-9][0-9]{9,17})$");
    private static final Pattern MAC = Pattern.compile("^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$");
    private static final int PAGE = 1000;

    @Inject
    @RestClient
    FleetApi fleet;

    @Inject
    @RestClient
    RigsApi rigs;

    @Inject
    @RestClient
    SitesApi sites;

    /**
     * Counts, TH/s, kW, J/TH and US-made share grouped by {@code groupBy} (site, status, originCountry ...).
     * The contract's groupBy is one comma-separated value (style form, explode false), so the set the
     * generated client takes holds that one value; its own rendering would repeat the parameter.
     */
    public FleetSummary summary(List<String> groupBy) {
        return Calls.of(SERVICE, () -> fleet.getFleetSummary(Set.of(String.join(",", groupBy))));
    }

    /**
     * The rig an asset id (RIG-...), a MAC (six hex pairs) or else a maker's serial names, if the
     * caller's organisation has one.
     */
    public Optional<Rig> lookUp(String query) {
        String q = query.trim();
        if (ASSET_ID.matcher(q).matches()) {
            try {
                return Optional.of(Calls.of(SERVICE, () -> rigs.getRig(q)));
            } catch (ApiProblem e) {
                if (e.status() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        }
        boolean mac = MAC.matcher(q).matches();
        RigPage page = Calls.of(SERVICE, () -> rigs.listRigs(1, null, null, null, null, null, null, null, null,
                mac ? null : q, mac ? q : null, null));
        return page.getItems().stream().findFirst();
    }

    /** Every event of the rig, oldest first (up to 1000). */
    public List<RigEvent> history(String assetId) {
        return Calls.of(SERVICE, () -> rigs.getRigHistory(assetId, PAGE, null)).getItems();
    }

    /** The organisation's sites (first 1000). */
    public SitePage sites() {
        return Calls.of(SERVICE, () -> sites.listSites(PAGE, null));
    }

    /** The racks of {@code site}. */
    public RackList racks(String site) {
        return Calls.of(SERVICE, () -> sites.listRacks(site));
    }

    /**
     * The rigs in rack {@code rack} of {@code site}: one listRigs page (a rack has at most 1000 slots, the
     * contract's limit, so one page holds them all).
     */
    public List<Rig> rigsInRack(String site, String rack) {
        return Calls.of(SERVICE, () -> rigs.listRigs(PAGE, null, site, rack, null, null, null, null, null, null, null, null))
                .getItems();
    }
}

package io.rigledger.local;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in a real browser against the packaged stack, across organisations: bob, bob-finance and bob-ops of
 * southpeak sign in and see none of northwind's data (the run's journey, {@link ConsoleData}) on any page, also when they
 * type northwind's ids into the address. Pages shot as in {@link ConsoleIT}.
 */
class ConsoleTenancyIT extends ConsoleBrowserBase {

    @Test
    void bobOfAnotherOrganisationSeesNoneOfNorthwindsData() {
        try (ConsoleBrowser b = new ConsoleBrowser(console)) {
            b.signIn("/orders", "bob");
            assertFalse(b.driver().getPageSource().contains(j.orderId()), "northwind's order on bob's list");
            b.open("/orders/" + j.orderId());
            assertTrue(b.text("#problem").contains("404"), b.text("#problem"));
            assertFalse(b.driver().getPageSource().contains(j.site), "northwind's site on bob's page");
            b.shot("bob-northwinds-order");
            b.open("/fleet/rigs?q=" + rigs.assetIds().get(0));
            assertFalse(b.driver().getPageSource().contains("id=\"rig-status\""), "bob sees northwind's rig");
            b.open("/finance/reconciliation");
            assertFalse(b.driver().getPageSource().contains(j.entryNumber), "bob sees northwind's entry");
            // an operator: tariff-service and inventory-service answer him his own organisation's reconciliation and fleet
            assertTrue(b.all("#problem").isEmpty() && b.all("form[action='/finance/reconciliation/reasons']").isEmpty(),
                    "bob is served southpeak's reconciliation, without the reason form (finance's)");
            b.open("/fleet");
            assertTrue(b.all("#problem").isEmpty(), "bob is served southpeak's fleet");
            assertFalse(b.driver().getPageSource().contains(j.site), "northwind's site on bob's fleet page");
        }
    }

    /**
     * bob-finance and bob-ops (southpeak's finance and ops people, added to the run's Keycloak as JourneyBob adds them) sign in and read every finance and
     * ops page: each page is served to them (their roles allow it), and none shows northwind's entry, order, rigs,
     * site or racks: the reconciliation of all dates by entry and by order, deadlines in 90 days, IEEPA refunds;
     * the fleet, the lookup of a northwind asset id, the sites, and northwind's site's racks and rack.
     */
    @Test
    void bobFinanceAndBobOpsOfAnotherOrganisationSeeNoneOfNorthwindsData() throws Exception {
        // the realm file gives southpeak only bob (an operator): its finance and ops people are added to this run's Keycloak
        Realm.addPerson(settings, JourneyBob.BOB_FINANCE, JourneyBob.SOUTHPEAK, "finance");
        Realm.addPerson(settings, JourneyBob.BOB_OPS, JourneyBob.SOUTHPEAK, "ops");
        try (ConsoleBrowser b = new ConsoleBrowser(console)) {
            b.signIn("/", JourneyBob.BOB_FINANCE);
            b.open("/finance/reconciliation?from=&to=&groupBy=entry");
            assertEquals("Reconciliation", b.text("h1"), "served to bob-finance");
            assertTrue(b.text("#range").contains("no start date") && b.text("#range").contains("no end date"), b.text("#range"));
            noneOfNorthwinds(b, "bob-finance's reconciliation by entry, all dates");
            b.shot("bob-finance-reconciliation");
            b.open("/finance/reconciliation?from=&to=&groupBy=order");
            assertEquals("Reconciliation", b.text("h1"));
            noneOfNorthwinds(b, "bob-finance's reconciliation by order, all dates");
            b.open("/finance/deadlines?within=90");
            assertEquals("Deadlines in the next 90 days", b.text("h1"));
            noneOfNorthwinds(b, "bob-finance's deadlines");
            b.open("/finance/ieepa-refunds");
            assertEquals("IEEPA refunds", b.text("h1"));
            noneOfNorthwinds(b, "bob-finance's IEEPA refunds");
        }
        try (ConsoleBrowser b = new ConsoleBrowser(console)) {
            b.signIn("/fleet", JourneyBob.BOB_OPS);
            assertEquals("Fleet by site and status", b.text("h1"), "served to bob-ops");
            noneOfNorthwinds(b, "bob-ops's fleet");
            assertFalse(b.driver().getPageSource().contains(j.site), "northwind's site in bob-ops's fleet");
            b.shot("bob-ops-fleet");
            b.open("/fleet/rigs?q=" + rigs.assetIds().get(0));
            assertEquals("Rig lookup", b.text("h1"));
            assertTrue(b.all("#rig-status").isEmpty() && b.all("#history tbody tr").isEmpty(), "bob-ops sees northwind's rig");
            b.open("/fleet/sites");
            assertEquals("Sites", b.text("h1"));
            assertFalse(b.driver().getPageSource().contains(j.site), "northwind's site on bob-ops's list");
            b.open("/fleet/sites/" + j.site + "/racks");
            assertTrue(b.all("#racks tbody tr").isEmpty(), "northwind's racks shown to bob-ops");
            b.open("/fleet/sites/" + j.site + "/racks/" + j.rack);
            assertTrue(b.all("li.slot").isEmpty(), "northwind's rack shown to bob-ops");
            noneOfNorthwinds(b, "bob-ops on northwind's rack");
        }
    }

    /** The page shows none of the journey's entry, order or rigs (asset ids). */
    private static void noneOfNorthwinds(ConsoleBrowser b, String page) {
        String source = b.driver().getPageSource();
        List<String> seen = new ArrayList<>();
        for (String mark : concat(List.of(j.entryNumber, j.entryNumber.replace("-", ""), j.orderId()), rigs.assetIds())) {
            if (source.contains(mark)) {
                seen.add(mark);
            }
        }
        assertEquals(List.of(), seen, "northwind's data on " + page);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}

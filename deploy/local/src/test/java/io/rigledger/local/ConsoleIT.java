package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.rigledger.local.ConsoleData.FROM;
import static io.rigledger.local.ConsoleData.TO;
import static io.rigledger.local.JourneyIT.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web console in a real browser (headless Chromium through Selenium) against the packaged stack, each page's numbers
 * against the services' own: fiona, oscar and alice sign in on Keycloak's own login page, and the reconciliation (its
 * CSV, a reason recorded, paging sorted by variance), deadlines and IEEPA refunds, the fleet, a rig, sites, racks and a
 * rack, the orders and an order are checked against what tariff-, inventory- and procurement-service answer the same
 * person (their tokens from the same realm). The data is the run's journey ({@link ConsoleData}). Every page is saved as
 * a PNG under target/screenshots with its server time (Server-Timing) in server-times.txt. Who sees what:
 * {@link ConsoleTenancyIT}; sign-in, expiry and sign-out: {@link ConsoleSessionIT}.
 */
class ConsoleIT extends ConsoleBrowserBase {

    private static final System.Logger LOG = System.getLogger(ConsoleIT.class.getName());
    /** How many pages of alice's orders the order test reads at most to find the journey's order. */
    private static final int MAX_ORDER_PAGES = 50;

    @Test
    void fionaReconcilesAndEveryFigureIsTariffServicesOwn() {
        try (ConsoleBrowser b = new ConsoleBrowser(console)) {
            String query = "?from=" + FROM + "&to=" + TO + "&groupBy=entry";
            b.signIn("/finance/reconciliation" + query, "fiona");
            JsonNode api = reconciliation();
            assertTrue(api.get("rows").size() > 0, "the journey's entry is reconciled: " + api);
            assertEquals(api.get("rows").size(), b.all("#reconciliation tbody tr").size(), "one row per row");
            long varying = 0;
            for (JsonNode row : api.get("rows")) {
                varying += row.get("variance").decimalValue().signum() != 0 ? 1 : 0;
            }
            assertEquals(varying, b.all("#reconciliation tbody tr.variance").size(), "the rows with a variance are highlighted");
            assertAmounts(List.of("estimated", "declared", "paid", "billed", "refunded", "variance"), api.get("totals"),
                    b.values("#totals td[data-value]"), "reconciliation totals");
            assertTrue(b.text("#reconciliation").contains(j.entryNumber), "the journey's entry is a row");
            b.shot("finance-reconciliation");

            String csv = (String) b.async("var done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById('csv').href).then(function (r) { return r.text(); }).then(done);");
            String apiCsv = calls.tariff("fiona").accept("text/csv").queryParam("from", FROM).queryParam("to", TO)
                    .queryParam("groupBy", "entry").get("/api/reconciliation").asString();
            // the same rows, field for field (the browser's fetch and REST Assured may differ in line ends only)
            assertEquals(apiCsv.lines().toList(), csv.lines().toList(), "the CSV button gives tariff-service's CSV");
            assertTrue(csv.lines().count() > 1, "a heading and rows: " + csv);

            String reason = "checked in the console " + j.run;
            WebElement field = b.all("#reconciliation tbody tr input[name=reason]").get(0);
            field.clear();
            field.sendKeys(reason);
            b.clickAndWait(b.all("#reconciliation tbody tr button[type=submit]").get(0));
            assertTrue(reconciliation().toString().contains(reason), "the reason reached tariff-service");
            assertEquals(console + "/finance/reconciliation" + query + "&sort=group&size=100", b.url(), "back on the same reconciliation");
            assertTrue(b.all("#reconciliation tbody tr input[name=reason]").stream()
                    .anyMatch(e -> reason.equals(e.getDomProperty("value"))), "the reason is shown on its row");

            fionaPagesThroughTheReconciliationSortedByTariffService(b, query);

            b.open("/finance/deadlines?within=90");
            JsonNode deadlines = ok(calls.tariff("fiona").queryParam("within", "90d").queryParam("limit", 200)
                    .get("/api/deadlines"), 200);
            assertEquals(deadlines.get("items").size(), b.all("#deadlines tbody td.num").size(), "one row per deadline");
            List<List<String>> dueRows = new ArrayList<>();
            for (JsonNode d : deadlines.get("items")) {
                dueRows.add(List.of(d.get("due").asText(), num(d.get("daysLeft")), d.get("entryNumber").asText(), d.get("kind").asText(),
                        d.get("rule").asText(), d.get("estimated").asBoolean() ? "estimated" : "fixed"));
            }
            assertEquals(dueRows, cells(b, "#deadlines tbody tr"), "each deadline's date, days left, entry, kind and rule");
            b.shot("finance-deadlines");

            b.open("/finance/ieepa-refunds");
            JsonNode refunds = ok(calls.tariff("fiona").queryParam("limit", 200).get("/api/ieepa-refunds"), 200);
            assertAmounts(List.of("refundable", "eligible", "capeClaimed", "capePrincipal", "claimed", "principal", "interest", "shortfall"),
                    refunds.get("totals"), b.values("#totals td[data-value]"), "IEEPA refund totals");
            assertTrue(b.text("#refunds").contains(j.entryNumber), "the journey's entry is listed");
            JsonNode entry = null;
            for (JsonNode r : refunds.get("items")) {
                entry = r.get("entryNumber").asText().equals(j.entryNumber) ? r : entry;
            }
            assertTrue(entry != null, "tariff-service lists the journey's entry: " + refunds);
            List<String> expected = new ArrayList<>(List.of(entry.get("entryNumber").asText(), entry.get("entryDate").asText(),
                    entry.get("status").asText(), entry.path("liquidationDate").asText("")));
            expected.add(num(entry.get("refundable")));
            expected.add(entry.get("eligible").asBoolean() ? "eligible" : "not eligible");
            for (String amount : List.of("capeClaimed", "capePrincipal", "claimed", "principal", "interest", "shortfall")) {
                expected.add(num(entry.get(amount)));
            }
            List<String> shown = new ArrayList<>();
            for (List<String> row : cells(b, "#refunds tbody tr")) {
                if (row.get(0).equals(j.entryNumber)) {
                    shown = new ArrayList<>(row);
                    shown.remove(4); // the headings, each with its amount
                    shown.set(5, shown.get(5).split("\n")[0].trim()); // eligible, or not eligible and why
                }
            }
            assertEquals(expected, shown, "the journey's entry row is tariff-service's");
            b.shot("finance-ieepa-refunds");

            b.open("/");
            assertEquals(List.of("go-deadlines", "go-fleet", "go-orders", "go-racks", "go-reconciliation", "go-refunds", "go-rigs"),
                    b.ids("a[id^=go-]"), "the pages the services answer finance");
            b.shot("home-finance");
        }
    }

    @Test
    void oscarSeesTheFleetByInventoryServicesFigures() {
        try (ConsoleBrowser b = new ConsoleBrowser(console)) {
            b.signIn("/fleet", "oscar");
            JsonNode api = ok(calls.inventory("oscar").queryParam("groupBy", "site,status").get("/api/fleet/summary"), 200);
            JsonNode t = api.get("totals");
            List<BigDecimal> page = b.values("#totals td[data-value]");
            assertEquals(0, t.get("rigCount").decimalValue().compareTo(page.get(0)), "rigs");
            assertEquals(0, t.get("hashrateThs").decimalValue().compareTo(page.get(1)), "TH/s");
            assertEquals(0, t.get("powerKw").decimalValue().compareTo(page.get(2)), "kW");
            assertEquals(0, t.get("efficiencyJth").decimalValue().compareTo(page.get(3)), "J/TH");
            assertEquals(0, t.get("usMadeSharePercent").decimalValue().compareTo(page.get(4)), "US-made share");
            assertEquals(api.get("groups").size(), b.all("#fleet tbody tr").size(), "one row per site and status");
            List<List<String>> groups = new ArrayList<>();
            for (JsonNode g : api.get("groups")) {
                JsonNode f = g.get("figures");
                groups.add(List.of(g.at("/key/site").asText("(no site)"), g.at("/key/status").asText(), num(f.get("rigCount")),
                        num(f.get("hashrateThs")), num(f.get("powerKw")), num(f.get("efficiencyJth")), num(f.get("usMadeSharePercent"))));
            }
            assertEquals(groups, cells(b, "#fleet tbody tr"), "each site and status row: rigs, TH/s, kW, J/TH, US-made share");
            assertEquals("function", b.async("arguments[arguments.length - 1](typeof Chart);"), "Chart.js served by the console");
            assertEquals(2, b.all("canvas[data-chart]").size());
            b.shot("fleet-summary");

            String assetId = rigs.assetIds().get(0);
            b.open("/fleet/rigs?q=" + assetId);
            JsonNode rig = ok(calls.inventory("oscar").get("/api/rigs/" + assetId), 200);
            JsonNode history = ok(calls.inventory("oscar").queryParam("limit", 1000).get("/api/rigs/" + assetId + "/history"), 200);
            assertEquals(rig.get("status").asText(), b.text("#rig-status"));
            assertEquals(history.get("items").size(), b.all("#history tbody tr").size(), "every event");
            b.shot("fleet-rig-lookup");

            b.open("/fleet/sites");
            assertEquals(1, b.all("#sites a[href='/fleet/sites/" + j.site + "/racks']").size(), "the journey's site is listed");
            b.shot("fleet-sites");

            b.clickAndWait(b.all("#sites a[href='/fleet/sites/" + j.site + "/racks']").get(0));
            JsonNode racks = ok(calls.inventory("oscar").get("/api/sites/" + j.site + "/racks"), 200);
            assertEquals(racks.get("items").size(), b.all("#racks tbody a").size(), "one row per rack");
            List<List<String>> rackRows = new ArrayList<>();
            for (JsonNode r : racks.get("items")) {
                rackRows.add(List.of(r.get("row").asText(), r.get("code").asText(), num(r.get("slots")), num(r.get("occupied"))));
            }
            assertEquals(rackRows, cells(b, "#racks tbody tr"), "each rack's row, code, slots and slots used");
            b.shot("fleet-site-racks");
            b.clickAndWait(b.all("#racks a[href='/fleet/sites/" + j.site + "/racks/" + j.rack + "']").get(0));
            JsonNode atSite = ok(calls.inventory("oscar").queryParam("site", j.site).queryParam("rack", j.rack)
                    .queryParam("limit", 1000).get("/api/rigs"), 200);
            Map<String, Integer> byStatus = new TreeMap<>();
            for (JsonNode r : atSite.get("items")) {
                if (r.has("position")) {
                    byStatus.merge(r.get("status").asText(), 1, Integer::sum);
                }
            }
            assertEquals(Map.of("DEPLOYED", 5), byStatus, "the journey's five rigs are racked");
            byStatus.forEach((status, count) ->
                    assertEquals(count, b.all("li.slot." + status).size(), status + " slots"));
            b.shot("fleet-racks");
        }
    }

    @Test
    void aliceFollowsHerOrderFromDutyEstimateToConfirmedRigs() {
        long registered = await("procurement-service shows the journey's five rigs confirmed").atMost(JourneyRigs.PATIENCE)
                .pollInterval(Duration.ofSeconds(1)).until(ConsoleIT::confirmedRigs, n -> n == 5);
        try (ConsoleBrowser b = new ConsoleBrowser(console)) {
            JsonNode order = ok(calls.procurement("alice").get("/api/purchase-orders/" + j.orderId()), 200);
            // the fault tests run before this one place hundreds of newer orders for northwind: the journey's order is
            // found through the status filter and the pages' "Next page" links, as a person would find it
            b.signIn("/orders?status=" + order.get("status").asText(), "alice");
            String row = "#orders tr[data-order='" + j.orderId() + "']";
            for (int page = 1; page < MAX_ORDER_PAGES && b.all(row).isEmpty() && !b.all("#next").isEmpty(); page++) {
                b.clickAndWait(b.all("#next").get(0));
            }
            assertEquals(1, b.all(row).size(), "the journey's order is listed");
            assertEquals(0, order.at("/dutyEstimate/total").decimalValue().compareTo(b.values(row + " td.num[data-value]").get(1)),
                    "duty + fees as estimated");
            b.shot("orders");

            b.clickAndWait(b.all(row + " a[href='/orders/" + j.orderId() + "']").get(0));
            JsonNode landed = ok(calls.procurement("alice").get("/api/purchase-orders/" + j.orderId() + "/landed-cost"), 200);
            assertEquals(0, landed.at("/total/landedCost").decimalValue().compareTo(b.values("#landed-cost span[data-value]").get(0)),
                    "landed cost: " + landed.get("total"));
            String basis = landed.get("basis").asText();
            assertEquals(basis.equals("ENTRY_ALLOCATION") ? "allocated from the customs entries" : basis.equals("QUOTE")
                    ? "estimated from the order's duty quote" : "supplier pays duty and fees", b.text("#landed-cost-basis").split(" \\(")[0],
                    "the landed cost says where it comes from: " + basis);
            assertTrue(b.text("#lines thead").contains("Landed cost per rig, quote estimate"), "the per-rig figures are the quote's");
            assertEquals(registered, b.all("table.rigs .tag.yes").size(), "each confirmed rig shows as confirmed");
            List<List<String>> lines = new ArrayList<>();
            for (JsonNode l : order.get("lines")) {
                lines.add(List.of(num(l.get("lineNumber")), num(l.get("quantity")), num(l.get("unitPrice")),
                        num(l.at("/perUnit/landedCost")), num(l.at("/perUnit/landedCostPerThs"))));
            }
            List<List<String>> shownLines = new ArrayList<>();
            for (List<String> cells : cells(b, "#lines tbody tr")) {
                shownLines.add(List.of(cells.get(0), num(cells.get(3)), cells.get(4), cells.get(5), cells.get(6)));
            }
            assertEquals(lines, shownLines, "each line's quantity, unit price and per-rig and per-TH landed cost (quote estimate)");
            LOG.log(System.Logger.Level.INFO, "the order page's Server-Timing (app, then each procurement-service call): "
                    + b.serverTimings());
            b.shot("order");
        }
    }

    /**
     * Two rows a page sorted by variance, descending (the heading clicked twice): each page's variances are
     * tariff-service's for the same sort and cursor, over the whole range; Next and Previous follow its cursors;
     * every page carries the range's totals. Without dates the page shows the last 90 days in its form.
     */
    private static void fionaPagesThroughTheReconciliationSortedByTariffService(ConsoleBrowser b, String query) {
        b.open("/finance/reconciliation" + query + "&size=2");
        b.clickAndWait(b.driver().findElement(By.linkText("Variance")));
        b.clickAndWait(b.driver().findElement(By.linkText("Variance")));
        assertTrue(b.url().contains("sort=-variance"), b.url());
        JsonNode first = ok(calls.tariff("fiona").queryParam("from", FROM).queryParam("to", TO).queryParam("groupBy", "entry")
                .queryParam("sort", "-variance").queryParam("limit", 2).get("/api/reconciliation"), 200);
        assertTrue(first.get("rowCount").asLong() > 2, "more than one page of two: " + first);
        assertEquals(variances(first), b.values("#reconciliation tbody td:nth-child(11)"), "page 1 sorted by tariff-service");
        assertAmounts(List.of("estimated", "declared", "paid", "billed", "refunded", "variance"), first.get("totals"),
                b.values("#totals td[data-value]"), "the range's totals on a page of two");
        b.clickAndWait(b.all("#next").get(0));
        JsonNode second = ok(calls.tariff("fiona").queryParam("from", FROM).queryParam("to", TO).queryParam("groupBy", "entry")
                .queryParam("sort", "-variance").queryParam("limit", 2).queryParam("cursor", first.get("nextCursor").asText())
                .get("/api/reconciliation"), 200);
        assertEquals(variances(second), b.values("#reconciliation tbody td:nth-child(11)"), "page 2 is tariff-service's page 2");
        b.shot("finance-reconciliation-page-2");
        b.clickAndWait(b.all("#prev").get(0));
        assertEquals(variances(first), b.values("#reconciliation tbody td:nth-child(11)"), "Previous: page 1 again");

        b.open("/finance/reconciliation");
        String from = b.driver().findElement(By.id("from")).getDomProperty("value");
        String to = b.driver().findElement(By.id("to")).getDomProperty("value");
        assertEquals(LocalDate.parse(to).minusDays(90).toString(), from, "the last 90 days by default");
    }

    private static List<BigDecimal> variances(JsonNode page) {
        List<BigDecimal> v = new ArrayList<>();
        page.get("rows").forEach(r -> v.add(r.get("variance").decimalValue().setScale(2)));
        return v;
    }

    private static JsonNode reconciliation() {
        return ok(calls.tariff("fiona").queryParam("from", FROM).queryParam("to", TO).queryParam("groupBy", "entry")
                .get("/api/reconciliation"), 200);
    }

    /** The journey's rigs procurement-service shows as confirmed by inventory (REGISTERED) on the order's shipments. */
    private static long confirmedRigs() {
        long registered = 0;
        JsonNode shipments = ok(calls.procurement("alice").get("/api/purchase-orders/" + j.orderId() + "/shipments"), 200);
        for (JsonNode s : shipments.get("items")) {
            JsonNode shipment = ok(calls.procurement("alice").get("/api/shipments/" + s.get("id").asText()), 200);
            for (JsonNode line : shipment.get("lines")) {
                for (JsonNode r : line.get("rigs")) {
                    registered += "REGISTERED".equals(r.get("status").asText()) ? 1 : 0;
                }
            }
        }
        return registered;
    }

    /**
     * Each row of more than one cell matched by {@code rowsCss}, as its cells: a cell's data-value as a number without trailing zeros (see
     * {@link #num(String)}), else its text (trimmed); read in one script.
     */
    @SuppressWarnings("unchecked")
    private static List<List<String>> cells(ConsoleBrowser b, String rowsCss) {
        List<List<String>> rows = (List<List<String>>) ((JavascriptExecutor) b.driver()).executeScript(
                "return Array.from(document.querySelectorAll(arguments[0])).map(function (tr) {"
                        + " return Array.from(tr.cells).map(function (td) {"
                        + " return td.hasAttribute('data-value') ? '#' + td.getAttribute('data-value') : td.innerText.trim(); }); });",
                rowsCss);
        return rows.stream().filter(row -> row.size() > 1) // not the one cell of "no deadline", "no rack" ...
                .map(row -> row.stream().map(c -> c.startsWith("#") ? num(c.substring(1)) : c).toList()).toList();
    }

    /** An API number as the comparison's text: its value without trailing zeros (3790.30 and 3790.3 alike); absent: "". */
    private static String num(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "" : num(n.asText());
    }

    /** A number's text without trailing zeros (a plain decimal, no grouping); "" stays "". */
    private static String num(String n) {
        return n.isEmpty() ? "" : new BigDecimal(n).stripTrailingZeros().toPlainString();
    }

    private static void assertAmounts(List<String> fields, JsonNode api, List<BigDecimal> page, String what) {
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            BigDecimal expected = api.get(fields.get(i)).decimalValue();
            if (page.size() <= i || page.get(i) == null || expected.compareTo(page.get(i)) != 0) {
                differ.add(fields.get(i) + ": api " + expected + ", page " + (page.size() > i ? page.get(i) : "missing"));
            }
        }
        assertEquals(List.of(), differ, what);
    }
}

package io.rigledger.tariff.reconciliation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reconciliation pages: following nextCursor gives every row once (and prevCursor the page before), in the order asked for over the whole range (not
 * within a page); every page carries the count and totals of the whole range; a cursor of another order is refused.
 */
@QuarkusTest
class ReconciliationPagingTest {

    private static final List<String> AMOUNTS = List.of("estimated", "declared", "paid", "billed", "refunded", "variance");

    private static JsonPath page(String org, String query) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.finance(org)).get("/api/reconciliation?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    /** Every row of {@code query}, three a page, checking each page's count and totals against {@code all}. */
    private static List<Map<String, Object>> pagesOfThree(String org, String query, JsonPath all) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonPath json = page(org, query + "&limit=3&cursor=" + cursor);
            assertTrue(json.getList("rows").size() <= 3);
            rows.addAll(json.getList("rows"));
            assertEquals(all.getLong("rowCount"), json.getLong("rowCount"));
            for (String column : AMOUNTS) {
                assertEquals(0, new BigDecimal(all.getString("totals." + column))
                        .compareTo(new BigDecimal(json.getString("totals." + column))), column);
            }
            cursor = json.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertEquals((rows.size() + 2) / 3, pages);
        return rows;
    }

    private static BigDecimal amount(Map<String, Object> row, String column) {
        return new BigDecimal(row.get(column).toString());
    }

    @Test
    void followingTheCursorGivesEveryRowOnceWithTheWholeRangesTotalsOnEveryPage() {
        String org = ReconciliationTest.organisationWithTwoEntries();
        String query = "from=2025-01-01&to=2025-12-31&groupBy=entry";
        JsonPath all = page(org, query + "&limit=1000");
        List<Map<String, Object>> every = all.getList("rows");
        // two entries x (MFN, IEEPA reciprocal, MPF, HMF): more than one page of three
        assertEquals(8, every.size());
        assertEquals(8L, all.getLong("rowCount"));
        assertEquals(null, all.getString("nextCursor"));
        for (String column : AMOUNTS) {
            BigDecimal sum = every.stream().map(r -> amount(r, column)).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, sum.compareTo(new BigDecimal(all.getString("totals." + column))), column);
        }
        assertEquals(every, pagesOfThree(org, query, all));
        JsonPath first = page(org, query + "&limit=3");
        assertEquals(3, first.getList("rows").size());
        assertNotNull(first.getString("nextCursor"));
        assertEquals(null, first.getString("prevCursor"));
        assertEquals("group", first.getString("sort"));
        JsonPath second = page(org, query + "&limit=3&cursor=" + first.getString("nextCursor"));
        assertEquals(every.subList(3, 6), second.getList("rows"));
        JsonPath back = page(org, query + "&limit=3&cursor=" + second.getString("prevCursor"));
        assertEquals(first.getList("rows"), back.getList("rows"));
        assertEquals(null, back.getString("prevCursor"));
    }

    @Test
    void aSortOrdersTheWholeRangeNotOnePage() {
        String org = ReconciliationTest.organisationWithTwoEntries();
        String query = "from=2025-01-01&to=2025-12-31&groupBy=entry&sort=-variance";
        JsonPath all = page(org, query + "&limit=1000");
        List<Map<String, Object>> rows = pagesOfThree(org, query, all);
        assertEquals(8, rows.size());
        Comparator<Map<String, Object>> byVariance = Comparator.comparing(r -> amount(r, "variance"));
        List<Map<String, Object>> sorted = new ArrayList<>(rows);
        sorted.sort(byVariance.reversed());
        assertEquals(sorted.stream().map(r -> amount(r, "variance")).toList(), rows.stream().map(r -> amount(r, "variance")).toList());
        // the reciprocal layer of the first entry (-12.50) is the most negative variance: last in descending order
        assertEquals(0, amount(rows.get(7), "variance").compareTo(new BigDecimal("-12.50")));
        List<Map<String, Object>> ascending = page(org, "from=2025-01-01&to=2025-12-31&groupBy=entry&sort=variance&limit=1")
                .getList("rows");
        assertEquals(rows.get(7), ascending.get(0));
    }

    @Test
    void aCursorOfAnotherOrderOrRangeAndAnUnknownSortAre400NamingThem() {
        String org = ReconciliationTest.organisationWithTwoEntries();
        String cursor = page(org, "from=2025-01-01&to=2025-12-31&groupBy=entry&sort=-variance&limit=3").getString("nextCursor");
        for (String other : List.of("from=2025-01-01&to=2025-12-31&groupBy=entry&sort=variance",
                "from=2025-01-02&to=2025-12-31&groupBy=entry&sort=-variance",
                "from=2025-01-01&to=2025-12-31&groupBy=origin&sort=-variance")) {
            given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org))
                    .get("/api/reconciliation?" + other + "&limit=3&cursor=" + cursor)
                    .then().statusCode(400).contentType("application/problem+json").body("violations.field", equalTo(List.of("cursor")));
        }
        for (String bad : List.of("sort=rig", "sort=--variance", "limit=0", "limit=1001")) {
            String field = bad.substring(0, bad.indexOf('='));
            given().filter(Contract.responses(CONTRACT)).auth().oauth2(Tokens.finance(org)).get("/api/reconciliation?" + bad)
                    .then().statusCode(400).contentType("application/problem+json").body("violations.field", equalTo(List.of(field)));
        }
    }
}

package io.rigledger.console.finance;

import com.atlassian.oai.validator.model.Request.Method;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rigledger.console.PageTestBase;
import io.rigledger.console.SignIn;
import io.rigledger.console.fakes.FakeApis.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class FinancePagesTest extends PageTestBase {

    static final String RECONCILIATION = """
            {"from":"2025-01-01","to":"2025-12-31","groupBy":"entry","sort":"group","rowCount":2,"rows":[
             {"group":"NWD-1234567-8","program":"IEEPA_RECIPROCAL","heading":"9903.02.39","firstEntryDate":"2025-09-15",
              "lastEntryDate":"2025-09-15","estimated":19000.00,"declared":18987.50,"paid":18987.50,"billed":0.00,"refunded":0.00,
              "variance":-12.50,"reason":"broker used the wrong value"},
             {"group":"NWD-1234567-8","program":"MFN","heading":"","firstEntryDate":"2025-09-15","lastEntryDate":"2025-09-15",
              "estimated":0.00,"declared":0.00,"paid":0.00,"billed":0.00,"refunded":0.00,"variance":0.00}],
             "totals":{"estimated":19000.00,"declared":18987.50,"paid":18987.50,"billed":0.00,"refunded":0.00,"variance":-12.50}}""";

    SignIn.Session fiona;

    @BeforeEach
    void signIn() {
        fiona = SignIn.as(oidc, "/", "fiona", "northwind", "finance");
    }

    @Test
    void reconciliationShowsTariffServicesRowsWithTheVarianceHighlightedAndCallsWithFionasOwnToken() {
        apis.json(Api.TARIFF, get(urlPathEqualTo("/api/reconciliation")).withQueryParam("groupBy", equalTo("entry"))
                .withQueryParam("from", equalTo("2025-01-01")), "/api/reconciliation", Method.GET, RECONCILIATION);

        String page = given().cookies(fiona.cookies()).get("/finance/reconciliation?from=2025-01-01&to=2025-12-31&groupBy=entry")
                .then().statusCode(200).header("Server-Timing", containsString("app;dur="))
                .extract().asString();

        assertEquals(1, page.split("class=\"variance\"", -1).length - 1, "one row has a variance");
        assertTrue(page.contains("<div class=\"table-wrap\"><table id=\"reconciliation\">"), "scrolls in its own box on a narrow window");
        assertTrue(page.contains("data-value=\"-12.50\">-12.50</td>"), page);
        assertTrue(page.contains("data-value=\"19000.00\">19,000.00</td>"), "grouped for reading, exact in data-value");
        assertTrue(page.contains("value=\"broker used the wrong value\""), "the recorded reason");
        assertTrue(page.contains("href=\"/finance/reconciliation.csv?from=2025-01-01&amp;to=2025-12-31&amp;groupBy=entry&amp;sort=group\""), page);
        LoggedRequest sent = apis.requests(Api.TARIFF).get(0);
        assertEquals("Bearer " + fiona.accessToken(), sent.getHeader("Authorization"), "the person's own token");
        assertEquals("2025-12-31", sent.queryParameter("to").firstValue());
        assertEquals("group", sent.queryParameter("sort").firstValue());
        assertEquals("100", sent.queryParameter("limit").firstValue());
    }

    @Test
    void withoutDatesThePageAsksForTheLast90DaysAndShowsThemInTheForm() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        apis.json(Api.TARIFF, get(urlPathEqualTo("/api/reconciliation")), "/api/reconciliation", Method.GET, RECONCILIATION);

        String page = given().cookies(fiona.cookies()).get("/finance/reconciliation").then().statusCode(200).extract().asString();

        LoggedRequest sent = apis.requests(Api.TARIFF).get(0);
        // the clock may pass midnight between the request and here: the dates are the ones shown
        String from = sent.queryParameter("from").firstValue();
        assertTrue(from.equals(today.minusDays(90).toString()) || from.equals(today.minusDays(89).toString()), from);
        assertEquals(LocalDate.parse(from).plusDays(90).toString(), sent.queryParameter("to").firstValue());
        assertTrue(page.contains("id=\"from\" name=\"from\" value=\"" + from + "\""), "the range is shown in the form");
        assertTrue(page.contains("2 of 2 rows"), "the page's rows of the range's count");
        assertTrue(page.contains("<span id=\"range\">Entries dated 2025-01-01 to 2025-12-31</span>"), "the range tariff-service used");
    }

    @Test
    void aClearedDateIsNoBoundOnThatSideAndThePageSaysWhichRangeItShows() {
        apis.json(Api.TARIFF, get(urlPathEqualTo("/api/reconciliation")), "/api/reconciliation", Method.GET, RECONCILIATION);

        String page = given().cookies(fiona.cookies()).urlEncodingEnabled(false)
                .get("/finance/reconciliation?from=&to=2025-12-31&groupBy=entry").then().statusCode(200).extract().asString();

        LoggedRequest sent = apis.requests(Api.TARIFF).get(0);
        assertFalse(sent.queryParameter("from").isPresent(), "no start date: " + sent.getUrl());
        assertEquals("2025-12-31", sent.queryParameter("to").firstValue());
        assertTrue(page.contains("id=\"from\" name=\"from\" value=\"\""), "the cleared date stays cleared in the form");
        assertTrue(page.contains("<span id=\"range\">Entries dated any date (no start date) to 2025-12-31</span>"), page);
        assertTrue(page.contains("href=\"/finance/reconciliation.csv?from=&amp;to=2025-12-31&amp;groupBy=entry&amp;sort=group\""),
                "the CSV of the same range: " + page);

        apis.reset();
        apis.json(Api.TARIFF, get(urlPathEqualTo("/api/reconciliation")), "/api/reconciliation", Method.GET, RECONCILIATION);
        page = given().cookies(fiona.cookies()).urlEncodingEnabled(false)
                .get("/finance/reconciliation?from=&to=").then().statusCode(200).extract().asString();
        sent = apis.requests(Api.TARIFF).get(0);
        assertFalse(sent.queryParameter("from").isPresent() || sent.queryParameter("to").isPresent(), "no bounds: " + sent.getUrl());
        assertTrue(page.contains("<span id=\"range\">Entries dated any date (no start date) to any date (no end date)</span>"), page);
    }

    @Test
    void headingsSortTheWholeRangeOnTariffServiceAndNextAndPreviousFollowItsCursors() {
        String paged = RECONCILIATION.replace("\"rowCount\":2", "\"rowCount\":250")
                .replace("\"sort\":\"group\"", "\"sort\":\"-variance\"")
                .replace("\"groupBy\":\"entry\",", "\"groupBy\":\"entry\",\"nextCursor\":\"djF8NHwxMjM0\",\"prevCursor\":\"djF8MHwxMjM0\",");
        apis.json(Api.TARIFF, get(urlPathEqualTo("/api/reconciliation")).withQueryParam("sort", equalTo("-variance")),
                "/api/reconciliation", Method.GET, paged);

        String page = given().cookies(fiona.cookies())
                .get("/finance/reconciliation?from=2025-01-01&to=2025-12-31&groupBy=entry&sort=-variance&size=2&cursor=2.djF8MnwxMjM0")
                .then().statusCode(200).extract().asString();

        LoggedRequest sent = apis.requests(Api.TARIFF).get(0);
        assertEquals("2", sent.queryParameter("limit").firstValue());
        assertEquals("djF8MnwxMjM0", sent.queryParameter("cursor").firstValue());
        String base = "/finance/reconciliation?from=2025-01-01&amp;to=2025-12-31&amp;groupBy=entry&amp;sort=";
        assertTrue(page.contains("aria-sort=\"descending\"><a href=\"" + base + "variance&amp;size=2\">Variance</a>"),
                "sorted by variance, descending; again: ascending, from the first page");
        assertTrue(page.contains("aria-sort=\"none\"><a href=\"" + base + "estimated&amp;size=2\">Estimated</a>"), page);
        assertTrue(page.contains("id=\"next\" rel=\"next\" href=\"" + base + "-variance&amp;size=2&amp;cursor=2.djF8NHwxMjM0\""), page);
        assertTrue(page.contains("id=\"prev\" rel=\"prev\" href=\"" + base + "-variance&amp;size=2&amp;cursor=2.djF8MHwxMjM0\""), page);
        assertTrue(page.contains("2 of 250 rows"), "the page's rows of the range's count");
        assertTrue(page.contains("href=\"/finance/reconciliation.csv?from=2025-01-01&amp;to=2025-12-31&amp;groupBy=entry&amp;sort=-variance\""),
                "the CSV: every row of the range in the same order");
    }

    @Test
    void aReasonRecordedOnARowIsSentToTariffServiceAndTheSameReconciliationShownAgain() {
        apis.json(Api.TARIFF, put(urlPathEqualTo("/api/reconciliation/reasons")), "/api/reconciliation/reasons", Method.PUT, """
                {"groupBy":"entry","group":"NWD-1234567-8","program":"IEEPA_RECIPROCAL","heading":"9903.02.39",
                 "reason":"broker used the wrong value","setBy":"fiona","setAt":"2026-11-30T06:00:00Z"}""");

        Response answer = given().redirects().follow(false).cookies(fiona.cookies())
                .formParam("groupBy", "entry").formParam("group", "NWD-1234567-8").formParam("program", "IEEPA_RECIPROCAL")
                .formParam("heading", "9903.02.39").formParam("reason", "broker used the wrong value")
                .formParam("from", "2025-01-01").formParam("to", "").formParam("sort", "-variance").formParam("size", "100")
                .formParam("cursor", "100.djF8MnwxMjM0")
                .post("/finance/reconciliation/reasons");

        assertEquals(303, answer.statusCode(), answer.asString());
        assertTrue(answer.header("Location").endsWith("/finance/reconciliation?from=2025-01-01&to=&groupBy=entry&sort=-variance&size=100&cursor=100.djF8MnwxMjM0"), answer.header("Location"));
        String body = apis.requests(Api.TARIFF).get(0).getBodyAsString();
        assertTrue(body.contains("\"reason\":\"broker used the wrong value\"") && body.contains("\"heading\":\"9903.02.39\""), body);
    }

    @Test
    void aReasonOfUpTo1000CharactersOfAnyScriptIsSavedALongerOneIsTheReadable400NamingReason() {
        apis.json(Api.TARIFF, put(urlPathEqualTo("/api/reconciliation/reasons")), "/api/reconciliation/reasons", Method.PUT, """
                {"groupBy":"entry","group":"NWD-1234567-8","program":"IEEPA_RECIPROCAL","heading":"9903.02.39",
                 "reason":"kept","setBy":"fiona","setAt":"2026-11-30T06:00:00Z"}""");
        // 2-, 3- and 4-byte UTF-8 at the field's maxlength (UTF-16 code units, as the form counts): 6,000 to 12,000 bytes encoded
        List<String> kept = List.of("é".repeat(400), "中".repeat(240), "é".repeat(1000), "中".repeat(1000),
                "\uD83D\uDE00".repeat(500), "a".repeat(999) + "é");
        for (String reason : kept) {
            Response answer = postReason(reason);
            assertEquals(303, answer.statusCode(), reason.length() + " characters: " + answer.asString());
            assertTrue(apis.requests(Api.TARIFF).stream().anyMatch(call -> call.getBodyAsString().contains("\"reason\":\"" + reason + "\"")),
                    "the reason reached tariff-service whole: " + reason.length() + " characters");
        }
        // a longer one is tariff-service's to refuse (its Reason: 1 to 1,000; @Size counts UTF-16 units): the console sends
        // it on and shows tariff's 400 naming reason as the form's error
        apis.refuses(Api.TARIFF, put(urlPathEqualTo("/api/reconciliation/reasons")).withRequestBody(matchingJsonPath("$.reason",
                matching("(?s).{1001,}"))), "/api/reconciliation/reasons", Method.PUT, "reason", "size must be between 1 and 1000");
        apis.refuses(Api.TARIFF, put(urlPathEqualTo("/api/reconciliation/reasons")).withRequestBody(containing("\uD83D\uDE00".repeat(501))),
                "/api/reconciliation/reasons", Method.PUT, "reason", "size must be between 1 and 1000");
        for (String reason : List.of("é".repeat(1001), "中".repeat(1001), "\uD83D\uDE00".repeat(501))) {
            int before = apis.requests(Api.TARIFF).size();
            Response answer = postReason(reason);
            assertEquals(400, answer.statusCode(), answer.asString());
            assertTrue(answer.contentType().startsWith("text/html"), answer.contentType());
            assertTrue(answer.asString().contains("<li>reason: size must be between 1 and 1000</li>"), answer.asString());
            assertEquals(before + 1, apis.requests(Api.TARIFF).size(), "sent on to tariff-service: " + reason.length() + " characters");
            assertTrue(apis.requests(Api.TARIFF).get(0).getBodyAsString().contains("\"reason\":\"" + reason + "\""),
                    "the reason reached tariff-service whole: " + reason.length() + " characters");
        }
        int sent = apis.requests(Api.TARIFF).size();
        // over the console's 32 KiB body (3,000 emoji are 36,000 bytes URL-encoded): its readable 413, not an empty one
        Response tooLarge = postReason("\uD83D\uDE00".repeat(3000));
        assertEquals(413, tooLarge.statusCode(), tooLarge.asString());
        assertTrue(tooLarge.contentType().startsWith("text/html"), tooLarge.contentType());
        assertTrue(tooLarge.asString().contains("<h1>Form too large</h1>"), tooLarge.asString());
        assertEquals(sent, apis.requests(Api.TARIFF).size(), "nothing over the limit reached tariff-service");
    }

    private Response postReason(String reason) {
        return given().redirects().follow(false).cookies(fiona.cookies())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("groupBy", "entry").formParam("group", "NWD-1234567-8").formParam("program", "IEEPA_RECIPROCAL")
                .formParam("heading", "9903.02.39").formParam("reason", reason)
                .formParam("from", "2025-01-01").formParam("to", "2025-12-31")
                .post("/finance/reconciliation/reasons");
    }

    @Test
    void theCsvButtonStreamsTariffServicesCsvAsItIs() {
        String csv = """
                group,program,heading,firstEntryDate,lastEntryDate,estimated,declared,paid,billed,refunded,variance,reason
                '=Bitmain,IEEPA_RECIPROCAL,9903.02.39,2025-09-15,2025-09-15,19000.00,18987.50,18987.50,0.00,0.00,-12.50,
                """;
        apis.answers(Api.TARIFF, get(urlPathEqualTo("/api/reconciliation")).withHeader("Accept", equalTo("text/csv")),
                "/api/reconciliation", Method.GET, 200, "text/csv", csv);

        Response answer = given().cookies(fiona.cookies()).get("/finance/reconciliation.csv?groupBy=manufacturer");

        assertEquals(200, answer.statusCode());
        assertTrue(answer.contentType().startsWith("text/csv"), answer.contentType());
        assertEquals(csv, answer.asString());
        assertEquals("manufacturer", apis.requests(Api.TARIFF).get(0).queryParameter("groupBy").firstValue());
    }

    @Test
    void deadlinesWithin90DaysAreAskedForAndListed() {
        apis.json(Api.TARIFF, get(urlPathEqualTo("/api/deadlines")).withQueryParam("within", equalTo("90d")), "/api/deadlines",
                Method.GET, """
                        {"from":"2026-11-30","to":"2027-02-28","items":[{"entryId":"6f1c2b8e-4a4e-4c55-9d40-1c1b7a1f0a11",
                         "entryNumber":"NWD12345678","kind":"PROTEST","due":"2027-01-10","daysLeft":41,
                         "rule":"180 days after liquidation (19 U.S.C. 1514(c)(3))","estimated":false}]}""");

        given().cookies(fiona.cookies()).get("/finance/deadlines?within=90").then().statusCode(200)
                .body(containsString("Deadlines in the next 90 days"))
                .body(containsString("<td>NWD12345678</td><td>PROTEST</td>"))
                .body(containsString("data-value=\"41\""));
    }

    @Test
    void ieepaRefundsShowEligibilityAndWhyNot() {
        apis.json(Api.TARIFF, get(urlPathEqualTo("/api/ieepa-refunds")), "/api/ieepa-refunds", Method.GET, """
                {"asOf":"2026-11-30","items":[
                 {"entryId":"6f1c2b8e-4a4e-4c55-9d40-1c1b7a1f0a11","entryNumber":"NWD12345678","entryDate":"2025-09-15","status":"PAID",
                  "headings":[{"heading":"9903.01.25","amount":5400.00}],"refundable":5400.00,"eligible":true,"reasons":[]},
                 {"entryId":"7f1c2b8e-4a4e-4c55-9d40-1c1b7a1f0a12","entryNumber":"NWD12345679","entryDate":"2025-03-15","status":"LIQUIDATED",
                  "liquidationDate":"2026-03-15","headings":[{"heading":"9903.01.25","amount":100.00}],"refundable":100.00,"eligible":false,
                  "reasons":["liquidated more than 80 days ago"]}],
                 "totals":{"refundable":5500.00,"eligible":5400.00,"claimed":0.00,"principal":0.00,"interest":0.00,"shortfall":0.00,
                  "capeClaimed":0.00,"capePrincipal":0.00}}""");

        given().cookies(fiona.cookies()).get("/finance/ieepa-refunds").then().statusCode(200)
                .body(containsString("<span class=\"tag yes\">eligible</span>"))
                .body(containsString("liquidated more than 80 days ago"))
                .body(containsString("data-value=\"5500.00\">5,500.00</td>"))
                .body(containsString("href=\"/finance/ieepa-refunds/cape-files\""));
    }

    /**
     * An entry with a CAPE claim and a liquidation's refund claim: the page shows the IEEPA refund (CAPE claimed and
     * principal) in its own labelled columns beside the sums over every kind, each cell the service's number.
     */
    @Test
    void ieepaRefundsShowTheCapeClaimApartFromAllKindsOfClaims() {
        apis.json(Api.TARIFF, get(urlPathEqualTo("/api/ieepa-refunds")), "/api/ieepa-refunds", Method.GET, """
                {"asOf":"2026-11-30","items":[
                 {"entryId":"6f1c2b8e-4a4e-4c55-9d40-1c1b7a1f0a11","entryNumber":"NWD12345678","entryDate":"2025-09-15","status":"REFUNDED",
                  "headings":[],"refundable":0.00,"eligible":false,"reasons":["no IEEPA duty owed"],
                  "claimed":19146.40,"principal":19146.00,"interest":413.87,"shortfall":0.40,"capeClaimed":19000.00,"capePrincipal":19000.00,
                  "byKind":[{"kind":"CAPE","claimed":19000.00,"principal":19000.00,"interest":412.77,"shortfall":0.00},
                            {"kind":"LIQUIDATION","claimed":146.40,"principal":146.00,"interest":1.10,"shortfall":0.40}]}],
                 "totals":{"refundable":0.00,"eligible":0.00,"claimed":19146.40,"principal":19146.00,"interest":413.87,"shortfall":0.40,
                  "capeClaimed":19000.00,"capePrincipal":19000.00}}""");

        String html = given().cookies(fiona.cookies()).get("/finance/ieepa-refunds").then().statusCode(200)
                .body(containsString("<th scope=\"col\" class=\"num\">CAPE claimed (IEEPA)</th><th scope=\"col\" class=\"num\">CAPE principal (IEEPA)</th>"))
                .body(containsString("<th scope=\"col\" class=\"num\">Claimed, all kinds</th>"))
                .body(containsString("data-value=\"19000.00\">19,000.00</td>"))
                .extract().asString();
        String body = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>"));
        String foot = html.substring(html.indexOf("<tfoot>"), html.indexOf("</tfoot>"));
        // the row's amounts (refundable, CAPE claimed and principal, then claimed, principal, interest, shortfall of all kinds)
        // and the totals' (refundable, eligible, then the same): the service's numbers, CAPE apart from all kinds
        assertEquals(List.of("0.00", "19000.00", "19000.00", "19146.40", "19146.00", "413.87", "0.40"), dataValues(body));
        assertEquals(List.of("0.00", "0.00", "19000.00", "19000.00", "19146.40", "19146.00", "413.87", "0.40"), dataValues(foot));
    }

    /** The data-value attributes of the numeric cells, in order. */
    private static List<String> dataValues(String html) {
        return Pattern.compile("<td class=\"num\" data-value=\"([^\"]*)\"").matcher(html).results().map(m -> m.group(1)).toList();
    }

    @Test
    void aRefusalIsShownAsTheServicesOwnMessageWithItsStatusNeverAStackTrace() {
        apis.problem(Api.TARIFF, get(urlPathEqualTo("/api/deadlines")), "/api/deadlines", Method.GET, 403, "Forbidden",
                "role finance or operator required");

        given().cookies(fiona.cookies()).get("/finance/deadlines").then().statusCode(403)
                .body(containsString("<strong>tariff-service</strong> answered 403"))
                .body(containsString("role finance or operator required"))
                .body(not(containsString("Exception"))).body(not(containsString("at io.")));
    }

    @Test
    void aServiceThatDoesNotAnswerIsShownAsUnavailable() {
        apis.down(Api.TARIFF);

        given().cookies(fiona.cookies()).get("/finance/ieepa-refunds").then().statusCode(503)
                .body(containsString("tariff-service did not answer")).body(not(containsString("Exception")));
    }

    @Test
    void aMalformedDateIsNamedBeforeAnyCall() {
        given().cookies(fiona.cookies()).get("/finance/reconciliation?from=2025-13-45").then().statusCode(400)
                .body(containsString("from must be a date (YYYY-MM-DD)"));
        assertEquals(List.of(), apis.requests(Api.TARIFF));
    }

    @Test
    void badPagingInputIsA400PageNamingTheFieldBeforeAnyCall() {
        String range = "/finance/reconciliation?from=2025-01-01&to=2025-12-31&groupBy=entry";
        for (String size : new String[] {"0", "100000", "abc", "-1", "1001"}) {
            given().cookies(fiona.cookies()).get(range + "&size=" + size).then().statusCode(400)
                    .contentType(startsWith("text/html")).body(containsString("size: must be a whole number of rows from 1 to 1000"));
        }
        given().cookies(fiona.cookies()).get(range + "&size=500&cursor=100.djF8MnwxMjM0").then().statusCode(400)
                .body(containsString("cursor: was made for pages of 100 rows, not 500"));
        given().cookies(fiona.cookies()).get(range + "&size=100&cursor=djF8MnwxMjM0").then().statusCode(400)
                .body(containsString("cursor: is not a cursor of this page"));
        given().cookies(fiona.cookies()).get("/finance/deadlines?within=45").then().statusCode(400)
                .body(containsString("within: must be 30 or 90 (days)"));
        assertEquals(List.of(), apis.requests(Api.TARIFF), "nothing asked of tariff-service");
    }
}

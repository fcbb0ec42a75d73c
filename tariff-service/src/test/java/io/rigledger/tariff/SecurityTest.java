package io.rigledger.tariff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rigledger.tariff.fakes.FakeProcurement;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.MatrixFixture;
import io.rigledger.testsupport.SecurityMatrix;
import io.rigledger.testsupport.Tokens;
import io.rigledger.testsupport.UnknownKeyIntrospection;
import io.swagger.v3.core.util.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;
import static io.rigledger.testsupport.ContractExamples.requestExample;

/**
 * The authorisation matrix of tariff.yaml, generated from the contract's x-rigledger-roles and
 * x-rigledger-tenancy (see {@link SecurityMatrix}): every refused token is 401 saying why, each role
 * an operation does not name is 403, each it names gets past the check, each write to the shared
 * duty schedule really happens once, on rates of the matrix's own in a year no other test uses, and
 * both organisations then read the same schedule, and a person of one organisation gets 404 for
 * another's real duty quote and entry (which stay unchanged), reads its own, and sees none of
 * another's entries, deadlines, reconciliation rows, IEEPA refunds or CAPE files on any page.
 */
@QuarkusTest
class SecurityTest {

    private static final SecurityMatrix MATRIX = SecurityMatrix.of(CONTRACT, SecurityTest::resources);

    @OidcWireMock
    WireMockServer oidc;

    /** A token of another realm is introspected; Keycloak answers it inactive, so does the mock server. */
    @BeforeEach
    void unknownKeysAnsweredInactive() {
        UnknownKeyIntrospection.answeredInactive(oidc);
    }
    /** The header in which a service account names the organisation it acts for (tariff.yaml's OnBehalfOf). */
    private static final String ON_BEHALF_OF = "X-On-Behalf-Of-Org";
    /** Why a write of org B's entry in an Idempotency-Key cell may store no key: the state its entry is in. */
    private static final String ALONE = "succeeds in a whole run (the writes before it in the contract's order move org B's"
            + " entry to a state that allows it); alone (matrix.only) org B's paid entry may refuse it by its state (409),"
            + " which stores no key";
    private static final String QUOTE_WITHOUT_ORG = "a service account without X-On-Behalf-Of-Org quotes for itself:"
            + " the quote is readable by its creator alone (tariff.yaml, createDutyQuote)";

    /**
     * In each organisation: the contract's duty quote and its entry example under a fresh entry
     * number and the organisation's own purchase order and shipment ids, paid. Org A's requests:
     * a fresh entry number for each new entry, a reconciliation reason on its own entry; org B's
     * quote, order, shipment, entry and name are tried in every id field.
     */
    static void resources(MatrixFixture f) {
        Resources a = Resources.in(f.callerOrg());
        Resources b = Resources.in(f.otherOrg());
        Schedule schedule = Schedule.ofTheMatrix();
        // org B's reasons on the groups org A's rows share (both file the contract's entry: Bitmain, MY, the reciprocal
        // layer 9903.02.39), each a marker: a reason joined without the organisation shows on org A's row under that
        // grouping, in JSON and CSV (fresh review R-11j P2: org B never wrote a reason, so none could leak)
        String tag = f.otherOrg().substring(f.otherOrg().length() - 6);
        for (String[] group : new String[][] {{"manufacturer", "Bitmain"}, {"origin", "MY"}, {"program", "IEEPA_RECIPROCAL"}}) {
            String reason = "matrix reason " + tag + " by " + group[0];
            as(Tokens.finance(f.otherOrg())).body("""
                    {"groupBy":"%s","group":"%s","program":"IEEPA_RECIPROCAL","heading":"9903.02.39","reason":"%s"}"""
                    .formatted(group[0], group[1], reason)).put("/api/reconciliation/reasons").then().statusCode(200);
            f.mark(reason);
        }
        // org A's second and third stored quotes: a what-if names three, org B's is tried first, in the middle and last
        // (fresh reviews R-11g D1, R-11i P3)
        String secondQuote = storedQuote(f.callerOrg());
        String thirdQuote = storedQuote(f.callerOrg());
        f.ids("/api/duty-quotes/{id}", a.quote, b.quote, UUID.randomUUID().toString())
                .ids("/api/entries/{id}", a.entry, b.entry, UUID.randomUUID().toString())
                .shared("/api/entries/{id}/versions/{version}", "1", "1")
                // fresh review R-11e D4: version 2 of a corrected entry, read by org A at org B's
                .alsoAt("getEntryVersion", Map.of("/api/entries/{id}", new MatrixFixture.Ids(a.corrected, b.corrected,
                                UUID.randomUUID().toString()),
                        "/api/entries/{id}/versions/{version}", new MatrixFixture.Ids("2", "2", "2")))
                .shared("/api/duty-rates/{id}", schedule.measure, "999999999")
                .shared("/api/fees/rates/{id}", schedule.feeRate, "999999999")
                .shared("/api/fees/mpf-years/{fiscalYear}", schedule.fiscalYear, "2099")
                .body("createDutyRate", schedule.change("createDutyRate", schedule.year + 2, schedule.year + 3, null))
                .body("correctDutyRate", schedule.change("correctDutyRate", schedule.year, schedule.year + 1, 0))
                .body("supersedeDutyRate", schedule.supersession("supersedeDutyRate"))
                .body("createFeeRate", schedule.change("createFeeRate", schedule.year + 2, schedule.year + 3, null))
                .body("correctFeeRate", schedule.change("correctFeeRate", schedule.year, schedule.year + 1, 0))
                .body("supersedeFeeRate", schedule.supersession("supersedeFeeRate"))
                .body("setMpfYear", schedule.mpfYear(0))
                // a what-if of org A's stored quotes only (the example's inline quote with quoteIds is a 400 before
                // any id is read, fresh review R-11g D2)
                .body("whatIfDutyQuotes", "{\"quoteIds\":[\"" + a.quote + "\",\"" + secondQuote + "\",\"" + thirdQuote
                        + "\"],\"entryDate\":\"2026-08-03\"}")
                // a correction of org A's entry of 30 days ago (the fixture's entry is past its correction deadline, so a
                // correction of it is 409 before any field is read, R-11g D2), splitting its line over two lines of org A's
                // order (createEntry's); each correction moves the entry to its next version
                .pathFor("correctEntry", "/api/entries/{id}", new MatrixFixture.Ids(a.corrected, b.corrected,
                        UUID.randomUUID().toString()))
                .body("correctEntry", edited("correctEntry", requestExample(CONTRACT, "correctEntry"),
                        node -> node.set("orderLines", orderLines(a.order, a.shipment))))
                .drawn("correctEntry", "each correction moves org A's entry to its next version", "version")
                .field("quoteIds", b.quote, UUID.randomUUID().toString())
                .field("quoteId", b.quote, UUID.randomUUID().toString())
                .field("purchaseOrderId", b.order, UUID.randomUUID().toString())
                .field("shipmentId", b.shipment, UUID.randomUUID().toString())
                .field("group", b.entry, UUID.randomUUID().toString())
                .field(ON_BEHALF_OF, f.otherOrg(), "matrix-nobody-" + UUID.randomUUID().toString().substring(0, 8))
                .serviceOrg(ON_BEHALF_OF)
                .serviceOrgOptional("createDutyQuote", QUOTE_WITHOUT_ORG)
                .serviceOrgOptional("whatIfDutyQuotes", QUOTE_WITHOUT_ORG)
                .serviceOrgOptional("getDutyQuote", QUOTE_WITHOUT_ORG)
                .body("createEntry", () -> entryBody(newEntryNumber(), a.order, a.shipment))
                // an entry number is unique within an organisation only (fresh review R-11f D3): org B files an
                // entry under a fresh number just before the cell, org A's entry under it must be answered as a made-up one's
                .field("entryNumber", () -> {
                    String number = newEntryNumber();
                    f.mark(as(Tokens.finance(f.otherOrg())).body(FakeProcurement.holds(f.otherOrg(), entryBody(number, b.order,
                            b.shipment))).post("/api/entries").then().statusCode(201).extract().<String>path("id"));
                    return new MatrixFixture.Ids(null, number, newEntryNumber());
                })
                .body("setReconciliationReason", """
                        {"groupBy":"entry","group":"%s","program":"IEEPA_RECIPROCAL","heading":"9903.01.25",
                         "reason":"broker declared the reciprocal layer on the wrong value"}""".formatted(a.entry))
                // the CAPE files write an entry number without its hyphens
                .mark(b.entryNumber, b.entryNumber.replace("-", ""), b.secondEntry, b.secondNumber,
                        b.secondNumber.replace("-", ""), b.corrected, b.correctedNumber, b.correctedNumber.replace("-", ""))
                .ownMark(a.entryNumber, a.entryNumber.replace("-", ""), a.secondEntry, a.secondNumber,
                        a.secondNumber.replace("-", ""), a.corrected, a.correctedNumber, a.correctedNumber.replace("-", ""));
        // each listing's filters (org A's own value first) and enums: the reconciliation by entry
        // (its default) shows org A's entries in every order
        f.queryParams().filter("within", "3650d", "1d")
                .filter("from", "2019-01-01", "2199-12-31")
                .filter("to", "2199-12-31", "2019-01-01")
                .holds("groupBy", "entry")
                .holdsEvery("sort")
                .unfiltered("purchaseOrderId", "an id: org B's order is tried in it by its id-field cells");
        // org B's requests of the Idempotency-Key cells (fresh review R-11g D5): its own entry, its own correction
        f.requests().otherBody("createEntry", () -> FakeProcurement.holds(f.otherOrg(), entryBody(newEntryNumber(), b.order, b.shipment)))
                .otherBody("correctEntry", () -> edited("correctEntry", requestExample(CONTRACT, "correctEntry"),
                        node -> node.set("orderLines", orderLines(b.order, b.shipment))))
                // org B's payment is refused (its entry is paid in full); each later write of the contract's order succeeds
                // in a whole run, since the one before it moved org B's entry on (liquidated, protested, finally
                // liquidated, a refund requested and received, an origin audit): each stores its key (s20 H-11j: the
                // reasons said all were refused by the state of a paid entry)
                .keyNotStored("recordEntryPayment", "org B's entry is paid in full: a further payment is more than is due,"
                        + " 409 naming amount, and stores no key")
                .keyNotStored("liquidateEntry", ALONE)
                .keyNotStored("protestEntry", ALONE)
                .keyNotStored("finallyLiquidateEntry", ALONE)
                .keyNotStored("requestEntryRefund", ALONE)
                .keyNotStored("recordEntryRefund", ALONE)
                .keyNotStored("recordOriginAudit", ALONE);
        f.twins().writes(SecurityTest::twinEntries);
    }

    /**
     * One organisation's stored duty quote and two paid entries (of its own order and shipment),
     * made by the service account and its finance person, so that each paged list of the matrix
     * (entries, deadlines, reconciliation rows, IEEPA refunds) has two rows of each organisation; and a
     * third entry of 30 days ago (inside the correction deadline), paid and corrected once, whose
     * version 2 the matrix reads.
     */
    private record Resources(String quote, String entry, String entryNumber, String order, String shipment,
                             String secondEntry, String secondNumber, String corrected, String correctedNumber) {
        static Resources in(String org) {
            // made by the service account for the organisation: the service reads back only what it created
            String quote = as(Tokens.service("procurement-service")).header(ON_BEHALF_OF, org)
                    .body(requestExample(CONTRACT, "createDutyQuote"))
                    .post("/api/duty-quotes").then().statusCode(201).extract().path("id");
            String number = newEntryNumber();
            String secondNumber = newEntryNumber();
            String order = UUID.randomUUID().toString();
            String shipment = UUID.randomUUID().toString();
            String entry = paidEntry(org, number, order, shipment);
            String secondEntry = paidEntry(org, secondNumber, order, UUID.randomUUID().toString());
            String correctedNumber = newEntryNumber();
            String corrected = correctedEntry(org, correctedNumber, order);
            return new Resources(quote, entry, number, order, shipment, secondEntry, secondNumber, corrected,
                    correctedNumber);
        }

        /**
         * An entry of the contract's example exported 45 and entered 30 days ago, paid 20 days ago and corrected once by
         * correctEntry's example (its order line of this order): its versions 1 and 2 exist. Answers its id.
         */
        private static String correctedEntry(String org, String number, String order) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String body = edited("createEntry", entryBody(number, order, UUID.randomUUID().toString()),
                    node -> node.put("entryDate", today.minusDays(30).toString()).put("exportDate", today.minusDays(45).toString()));
            String entry = as(Tokens.finance(org)).body(FakeProcurement.holds(org, body))
                    .post("/api/entries").then().statusCode(201).extract().path("id");
            as(Tokens.finance(org)).body(edited("recordEntryPayment", requestExample(CONTRACT, "recordEntryPayment"),
                            node -> node.put("paidOn", today.minusDays(20).toString())))
                    .post("/api/entries/" + entry + "/payments").then().statusCode(200);
            String correction = edited("correctEntry", requestExample(CONTRACT, "correctEntry"),
                    node -> node.withArray("orderLines").forEach(line -> ((ObjectNode) line).put("purchaseOrderId", order)));
            as(Tokens.finance(org)).body(FakeProcurement.holds(org, correction))
                    .post("/api/entries/" + entry + "/corrections").then().statusCode(200);
            return entry;
        }

        /** An entry of the contract's example under this number, order and shipment, paid; answers its id. */
        static String paidEntry(String org, String number, String order, String shipment) {
            String entry = as(Tokens.finance(org)).body(FakeProcurement.holds(org, entryBody(number, order, shipment)))
                    .post("/api/entries").then().statusCode(201).extract().path("id");
            as(Tokens.finance(org)).body(requestExample(CONTRACT, "recordEntryPayment"))
                    .post("/api/entries/" + entry + "/payments").then().statusCode(200);
            return entry;
        }
    }

    /**
     * Reference data of the matrix's own, so that its schedule writes really happen without changing
     * any rate another test relies on: a duty measure and an HMF rate in one year before 1942 (the
     * examples' HTS prefix, a window of one year), and the MPF limits of one fiscal year from 2060
     * to 2098. Each write's body is the contract's example moved into that year (or the two years
     * after it, for a new rate): a correction of version 0 keeps the year, a supersession cuts it on 1 July.
     */
    private record Schedule(int year, String measure, String feeRate, String fiscalYear) {
        private static final String PREFIX = "8504.40.95";

        static Schedule ofTheMatrix() {
            int year = 1901 + ThreadLocalRandom.current().nextInt(40);
            String fiscalYear = String.valueOf(2060 + ThreadLocalRandom.current().nextInt(39));
            Schedule made = new Schedule(year, null, null, fiscalYear);
            RequestSpecification admin = as(Tokens.admin());
            long measure = admin.body(made.change("createDutyRate", year, year + 1, null))
                    .post("/api/duty-rates").then().statusCode(201).extract().jsonPath().getLong("id");
            long feeRate = as(Tokens.admin()).body(made.change("correctFeeRate", year, year + 1, null))
                    .post("/api/fees/rates").then().statusCode(201).extract().jsonPath().getLong("id");
            as(Tokens.admin()).body(made.mpfYear(null)).put("/api/fees/mpf-years/" + fiscalYear).then().statusCode(200);
            return new Schedule(year, String.valueOf(measure), String.valueOf(feeRate), fiscalYear);
        }

        /** The operation's example in the window from 1 January of one year to 1 January of another, at a version (null: none). */
        String change(String operationId, int from, int to, Integer version) {
            return edited(operationId, node -> {
                if (node.has("htsPrefix")) {
                    node.put("htsPrefix", PREFIX);
                }
                node.put("effectiveFrom", from + "-01-01").put("effectiveTo", to + "-01-01");
                node.remove("version");
                if (version != null) {
                    node.put("version", version);
                }
            });
        }

        /** The operation's example cutting the matrix's rate of its year on 1 July, to its end. */
        String supersession(String operationId) {
            return edited(operationId, node -> {
                if (node.has("htsPrefix")) {
                    node.put("htsPrefix", PREFIX);
                }
                node.put("effectiveFrom", year + "-07-01").put("effectiveTo", (year + 1) + "-01-01");
            });
        }

        /** setMpfYear's example, creating the year's limits (version null) or correcting them. */
        String mpfYear(Integer version) {
            return edited("setMpfYear", node -> {
                node.remove("version");
                if (version != null) {
                    node.put("version", version);
                }
            });
        }

        private static String edited(String operationId, Consumer<ObjectNode> edit) {
            return SecurityTest.edited(operationId, requestExample(CONTRACT, operationId), edit);
        }
    }

    /** A request body of the operation (a JSON object) with {@code edit} done to it. */
    private static String edited(String operationId, String json, Consumer<ObjectNode> edit) {
        try {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(json);
            edit.accept(node);
            return Json.mapper().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(operationId + ": its body is no JSON object", e);
        }
    }

    /**
     * The twins' writes (fresh reviews R-11f D1, R-11h D3): in a fresh organisation a duty quote made by the service
     * account for it, and one entry of the contract's example under an entry number of its own (the sharer reuses
     * the first twin's: an entry number is each organisation's own), paid (so every twin's entries end at the same
     * version and count). Answers the entry number, with and without its hyphens (the CAPE files' form), and the
     * quote's and the entry's ids under their paths.
     */
    private static Map<String, String> twinEntries(String org, Map<String, String> like) {
        String number = like.getOrDefault("<entryNumber>", newEntryNumber());
        String quote = as(Tokens.service("procurement-service")).header(ON_BEHALF_OF, org)
                .body(requestExample(CONTRACT, "createDutyQuote")).post("/api/duty-quotes").then().statusCode(201)
                .extract().path("id");
        String entry = Resources.paidEntry(org, number, UUID.randomUUID().toString(), UUID.randomUUID().toString());
        return Map.of("<entryNumber>", number, "<entryNumberDigits>", number.replace("-", ""),
                "/api/duty-quotes/{id}", quote, "/api/entries/{id}", entry);
    }

    /** A duty quote of the contract's example, stored by the service account for the organisation; answers its id. */
    private static String storedQuote(String org) {
        return as(Tokens.service("procurement-service")).header(ON_BEHALF_OF, org)
                .body(requestExample(CONTRACT, "createDutyQuote")).post("/api/duty-quotes").then().statusCode(201)
                .extract().path("id");
    }

    private static String newEntryNumber() {
        return "M%02d-%07d-%d".formatted(ThreadLocalRandom.current().nextInt(100),
                ThreadLocalRandom.current().nextInt(10_000_000), ThreadLocalRandom.current().nextInt(10));
    }

    /** The orderLines of {@link #entryBody} (three lines of one order) naming this order and shipment. */
    private static com.fasterxml.jackson.databind.JsonNode orderLines(String order, String shipment) {
        try {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(entryBody("AB1-0000000-0", order, shipment));
            return node.get("orderLines");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The contract's createEntry example under another entry number, its order lines of this order and shipment, and
     * three of them (the example's second line split into lines 2 and 3 of the order, 6 and 3 rigs): an id field in
     * them is tried at the first, the middle and the last line (fresh reviews R-11g D1, R-11i P3).
     */
    private static String entryBody(String number, String order, String shipment) {
        try {
            ObjectNode node = (ObjectNode) Json.mapper().readTree(requestExample(CONTRACT, "createEntry"));
            node.put("entryNumber", number);
            ObjectNode second = (ObjectNode) node.withArray("orderLines").get(1);
            node.withArray("orderLines").add(second.deepCopy().put("lineNumber", 3).put("value", 14285.71).put("quantity", 3));
            second.put("value", 28571.43).put("quantity", 6);
            node.withArray("orderLines").forEach(line -> ((ObjectNode) line).put("purchaseOrderId", order)
                    .put("shipmentId", shipment));
            return Json.mapper().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static List<Named<SecurityMatrix.Cell>> cells() {
        return MATRIX.namedCells();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void everyOperationAnswersEachRoleAndOrganisationAsItsContractSays(SecurityMatrix.Cell cell) {
        MATRIX.check(cell);
    }
}

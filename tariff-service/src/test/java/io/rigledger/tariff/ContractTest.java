package io.rigledger.tariff;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rigledger.tariff.fakes.FakeProcurement;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.ContractExamples.RequestExample;
import io.rigledger.testsupport.ContractTestBase;
import io.rigledger.testsupport.Tokens;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static io.rigledger.tariff.TariffTestResources.CONTRACT;

/** The contract is what the service serves, and every example in it is accepted as written. */
@QuarkusTest
class ContractTest extends ContractTestBase {

    static final Set<String> ADMIN_ONLY = Set.of("createDutyRate", "correctDutyRate", "supersedeDutyRate",
            "createFeeRate", "correctFeeRate", "supersedeFeeRate", "setMpfYear");

    @Override
    protected String contract() {
        return CONTRACT;
    }

    @Override
    protected Set<String> operationIds() {
        return Set.of("createDutyQuote", "getDutyQuote", "listDutyRates", "getDutyRate", "getDutyRateHistory",
                "createDutyRate", "correctDutyRate", "supersedeDutyRate", "listFees", "createFeeRate",
                "correctFeeRate", "supersedeFeeRate", "getFeeRateHistory", "setMpfYear", "getMpfYearHistory",
                "whatIfDutyQuotes", "getCaller", "createEntry", "listEntries", "getEntry", "getEntryHistory", "getEntryVersion",
                "recordEntryPayment", "correctEntry", "liquidateEntry", "protestEntry", "finallyLiquidateEntry",
                "requestEntryRefund", "recordEntryRefund", "recordOriginAudit", "getEntryAllocation", "listDeadlines",
                "getReconciliation", "setReconciliationReason", "listIeepaRefunds", "exportCapeFiles");
    }

    /**
     * Admin operations as admin, on a row made for them; quotes as an operator; a new entry as finance of
     * a fresh organisation whose orders (those the example names) the fake procurement-service holds; the steps of an entry's life are checked against their operation only
     * (each needs an entry in the right state: EntryLifecycleTest takes them there).
     */
    @Override
    protected Send send(RequestExample example) {
        if (example.operationId().equals("createEntry")) {
            // procurement-service holds the order lines the example names, for that organisation
            String org = "contract-" + ThreadLocalRandom.current().nextInt(1_000_000);
            return Send.post(Tokens.finance(org), example.path(), FakeProcurement.holds(org, example.json()));
        }
        if (example.operationId().equals("setReconciliationReason")) {
            return Send.post(Tokens.finance("northwind"), example.path(), example.json());
        }
        if (example.path().startsWith("/api/entries/")) {
            return Send.validateOnly(example.path().replace("{id}", "0b6f1c7e-3f9a-4a53-9d55-2f2e1f0a9c11"), example.json());
        }
        String token = ADMIN_ONLY.contains(example.operationId()) ? Tokens.admin() : Tokens.operator("northwind");
        String path = example.path().replace("{fiscalYear}", "2028");
        if (path.contains("{id}")) {
            path = path.replace("{id}", String.valueOf(rowFor(example.operationId())));
        }
        return Send.post(token, path, example.json());
    }

    /** A row the example may change: a fresh measure or fee rate, or the seeded open-ended HMF rate. */
    static long rowFor(String operationId) {
        var admin = given().filter(Contract.strict(CONTRACT)).auth().oauth2(Tokens.admin()).contentType(ContentType.JSON);
        return switch (operationId) {
            case "correctDutyRate", "supersedeDutyRate" -> admin.body("""
                            {"program":"SECTION_232","heading":"9903.79.01","htsPrefix":"8504.%02d.%02d","originCountries":[],
                             "ratePercent":25,"effectiveFrom":"2020-01-01","legalReference":"test","confirmed":false,
                             "refundable":false,"drawbackEligible":false,"nonUsContentOnly":false,"reason":"contract test"}"""
                            .formatted(ThreadLocalRandom.current().nextInt(50, 99), ThreadLocalRandom.current().nextInt(100)))
                    .post("/api/duty-rates").then().statusCode(201).extract().jsonPath().getLong("id");
            case "correctFeeRate" -> admin.body("""
                            {"type":"HMF","ratePercent":0.125,"effectiveFrom":"2001-01-01","effectiveTo":"2002-01-01",
                             "legalReference":"test","confirmed":false,"reason":"contract test"}""")
                    .post("/api/fees/rates").then().statusCode(201).extract().jsonPath().getLong("id");
            case "supersedeFeeRate" -> admin.get("/api/fees").then().statusCode(200).extract().jsonPath()
                    .getLong("rates.find { it.type == 'HMF' && it.effectiveTo == null }.id");
            default -> throw new IllegalArgumentException("no row for " + operationId);
        };
    }
}

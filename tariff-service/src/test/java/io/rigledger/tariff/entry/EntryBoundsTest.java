package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.testsupport.Tokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.rigledger.tariff.entry.Entries.file;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.filedAndPaid;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Input the entry steps refuse with a 4xx naming the field, nothing written (issue 9 review, small defects). */
@QuarkusTest
class EntryBoundsTest extends PinnedTodayTest {

    @Test
    void anOriginAuditToAnOriginTheScheduleDoesNotCoverIs422NamingAssertedOrigin() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "origin-audits", "{\"assertedOrigin\":\"DE\",\"noticeDate\":\"2026-01-10\",\"interest\":0,\"reason\":\"CBP audit\"}")
                .statusCode(422).contentType("application/problem+json").body("violations[0].field", equalTo("assertedOrigin"));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void aLiquidatedFeeWithAHeadingOrAnMpfOutsideTheFiscalYearsLimitsIs400() {
        String org = org();
        String id = filedAndPaid(org);
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"fees","layers":[{"program":"MPF","heading":"9903.01.24","amount":346.40}]}""")
                .statusCode(400).body("violations[0].field", equalTo("layers[0].heading"));
        // FY2025 (entered 2025-09-15): MPF from 32.71 to 634.62
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"fees","layers":[{"program":"MPF","heading":"","amount":10000.00}]}""")
                .statusCode(400).body("violations[0].field", equalTo("layers[0].amount"))
                .body("violations[0].message", containsString("634.62"));
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-07-27","reason":"fees","layers":[{"program":"MPF","heading":"","amount":400.00}]}""")
                .statusCode(200).body("liquidation.supplementaryBill", equalTo(53.60f));
    }

    @Test
    void aPaymentDatedBeforeTheDateOfEntryIs422NamingPaidOnAndNothingIsWritten() {
        String org = org();
        String id = filed(org, malaysian(number(), "2025-09-15", "19000.00", ""));
        move(org, id, "payments", "{\"amount\":22071.40,\"paidOn\":\"2025-09-14\",\"achReference\":\"ACH-1\"}")
                .statusCode(422).contentType("application/problem+json").body("violations.field", equalTo(List.of("paidOn")))
                .body("violations[0].message", containsString("date of entry 2025-09-15"));
        get(org, "/api/entries/" + id).statusCode(200).body("status", equalTo("FILED")).body("payments.size()", equalTo(0));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.action", equalTo(List.of("FILE")));
        move(org, id, "payments", "{\"amount\":22071.40,\"paidOn\":\"2025-09-15\",\"achReference\":\"ACH-1\"}")
                .statusCode(200).body("status", equalTo("PAID"));
    }

    @Test
    void anExportDateMoreThanAYearBeforeTheDateOfEntryIs400() {
        String org = org();
        file(org, malaysian(number(), "2025-09-15", "19000.00", ",\"exportDate\":\"2024-09-14\""))
                .statusCode(400).body("violations[0].field", equalTo("exportDate"));
        file(org, malaysian(number(), "2025-09-15", "19000.00", ",\"exportDate\":\"2024-09-15\"")).statusCode(201);
    }

    @Test
    void aCorrectionNamingAnUnknownQuoteIs422AndOneNamingAStoredQuoteRefreshesTheEstimate() {
        String org = org();
        LocalDate today = Today.DATE;
        String id = filed(org, malaysian(number(), today.minusDays(30).toString(), "19000.00", ""));
        move(org, id, "payments", "{\"amount\":22071.40,\"paidOn\":\"" + today.minusDays(20) + "\",\"achReference\":\"ACH-1\"}")
                .statusCode(200);
        String unknown = Entries.correction("quote the estimate", "19000.00").replace("\"lineNumber\":2,",
                "\"lineNumber\":2,\"quoteId\":\"" + UUID.randomUUID() + "\",");
        move(org, id, "corrections", unknown).statusCode(422).body("violations.field", equalTo(List.of("orderLines[1].quoteId")));
        get(org, "/api/entries/" + id + "/history").statusCode(200).body("items.action", equalTo(List.of("FILE", "PAY")));
        String quote = Entries.as(Tokens.finance(org)).body("""
                        {"entryDate":"2025-09-15","transportMode":"OCEAN","lines":[{"htsCode":"8543.70.9860","originCountry":"MY",
                         "customsValue":100000.00,"quantity":21}]}""")
                .post("/api/duty-quotes").then().statusCode(201).extract().path("id");
        String estimated = "/api/reconciliation?groupBy=entry&from=" + today.minusDays(30) + "&to=" + today.minusDays(30);
        get(org, estimated).statusCode(200).body("totals.estimated", equalTo(0f));
        move(org, id, "corrections", Entries.correction("quote the estimate", "19000.00").replace("\"lineNumber\":1,",
                "\"lineNumber\":1,\"quoteId\":\"" + quote + "\",")).statusCode(200);
        // the quote's line: MFN 2,600.00 + 9903.02.39 19,000.00 + MPF 346.40 + HMF 125.00
        get(org, estimated).statusCode(200).body("totals.estimated", equalTo(22071.40f));
    }
}

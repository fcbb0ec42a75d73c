package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * An entry after CBP's origin audit: IEEPA duty only the audit billed is refundable (CAPE, the IEEPA refund list), and
 * a post-summary correction is no longer accepted, so the audited duty is never billed twice (issue 9, review defects 3, 4).
 * Also the deemed liquidation on the anniversary of the date of entry (defect 1), end to end.
 */
@QuarkusTest
class AuditedEntryTest extends PinnedTodayTest {

    private static final LocalDate TODAY = Today.DATE;

    /** MY, ocean, 100,000.00, declared MFN 2,600.00 only, MPF 346.40, HMF 125.00 (3,071.40). */
    private static String mfnOnly(String date) {
        return malaysian(number(), date, "0", "").replaceAll(",\\s*\\{\"program\":\"IEEPA_RECIPROCAL\"[^}]*}", "");
    }

    @Test
    void ieepaDutyBilledOnlyByAnOriginAuditIsListedAndCanBeClaimedInCape() {
        String org = org();
        String id = filed(org, mfnOnly("2025-09-15"));
        move(org, id, "payments", "{\"amount\":3071.40,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}").statusCode(200);
        get(org, "/api/ieepa-refunds").statusCode(200).body("items", equalTo(List.of()));
        // CBP asserts China: 9903.01.24 (fentanyl) 20,000.00 and 9903.01.25 (reciprocal) 10,000.00 are billed
        move(org, id, "origin-audits", "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"2025-12-01\",\"interest\":0,\"reason\":\"CBP audit\"}")
                .statusCode(200);
        get(org, "/api/ieepa-refunds").statusCode(200)
                .body("items.entryId", equalTo(List.of(id)))
                .body("items[0].refundable", equalTo(30000.00f))
                .body("items[0].headings.heading", equalTo(List.of("9903.01.24", "9903.01.25")))
                .body("items[0].reasons.findAll { it.startsWith('no IEEPA') }", equalTo(List.of()));
        // the bill (Section 301 25,000.00 and the IEEPA duty) is paid: only money paid in excess comes back (19 U.S.C. 1505(b))
        move(org, id, "payments", "{\"amount\":55000.00,\"paidOn\":\"2026-01-15\",\"achReference\":\"ACH-BILL\"}").statusCode(200);
        move(org, id, "refund-request", "{\"requestedOn\":\"2026-04-21\",\"kind\":\"CAPE\",\"reason\":\"IEEPA refund\"}")
                .statusCode(200).body("status", equalTo("REFUND_REQUESTED")).body("refund.claimedTotal", equalTo(30000.00f));
    }

    @Test
    void aCorrectionAfterAnOriginAuditIs409AndTheAuditedDutyIsBilledOnce() {
        String org = org();
        String entered = TODAY.minusDays(30).toString();
        String pay = "{\"amount\":22071.40,\"paidOn\":\"" + TODAY.minusDays(20) + "\",\"achReference\":\"ACH-1\"}";
        String correction = Entries.correction("declare the origin CBP found", "19000.00").replace("\"originCountry\":\"MY\"",
                "\"originCountry\":\"CN\"");
        // without an audit the same correction is taken (the deadline is open)
        String plain = filed(org, malaysian(number(), entered, "19000.00", ""));
        move(org, plain, "payments", pay).statusCode(200);
        move(org, plain, "corrections", correction).statusCode(200).body("status", equalTo("CORRECTED"));

        String id = filed(org, malaysian(number(), entered, "19000.00", ""));
        move(org, id, "payments", pay).statusCode(200);
        move(org, id, "origin-audits", "{\"assertedOrigin\":\"CN\",\"noticeDate\":\"" + TODAY.minusDays(10)
                + "\",\"interest\":0,\"reason\":\"CBP audit\"}").statusCode(200);
        move(org, id, "corrections", correction).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("origin audit"))
                .body("detail", containsString("19 CFR 101.9(b)"));
        get(org, "/api/entries/" + id + "/history").statusCode(200)
                .body("items.action", equalTo(List.of("FILE", "PAY", "ORIGIN_AUDIT")));
        // a correction it can no longer make is no deadline of the audited entry; the unaudited one keeps it
        get(org, "/api/entries/" + id).statusCode(200).body("deadlines.kind", not(hasItem("POST_SUMMARY_CORRECTION")));
        get(org, "/api/entries/" + plain).statusCode(200).body("deadlines.kind", hasItem("POST_SUMMARY_CORRECTION"));
        // Section 301 (25 % of 100,000.00) once, as the audit billed it; not 50,000.00
        get(org, "/api/entries/" + id + "/allocation").statusCode(200)
                .body("layers.findAll { it.program == 'SECTION_301' }.amount", equalTo(List.of(25000.00f)));
    }

    @Test
    void onTheAnniversaryOfTheDateOfEntryAProtestOfTheDeemedLiquidationIsTakenAndTheDayBeforeItIsNot() {
        String org = org();
        for (int daysShort = 0; daysShort <= 1; daysShort++) {
            LocalDate entered = TODAY.minusYears(1).plusDays(daysShort);
            String id = filed(org, malaysian(number(), entered.toString(), "19000.00", ""));
            move(org, id, "payments", "{\"amount\":22071.40,\"paidOn\":\"" + entered + "\",\"achReference\":\"ACH-1\"}").statusCode(200);
            move(org, id, "protest", "{\"filedOn\":\"" + TODAY + "\",\"protestNumber\":\"2704-26-00000" + daysShort
                    + "\",\"reason\":\"deemed liquidated\"}").statusCode(daysShort == 0 ? 200 : 409);
        }
    }
}

package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipInputStream;

import static io.rigledger.tariff.entry.Entries.CAPE_REQUEST;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CAPE eligibility tests the IEEPA duty still owed, not whether any was ever declared: an entry whose
 * liquidation took its IEEPA duty to 0 is not eligible ("no IEEPA duty owed"), is left out of the CAPE
 * files, and its CAPE request is 409 (issue 9 review: it was eligible, exported and claimed 0.00).
 */
@QuarkusTest
class CapeOwedTest extends PinnedTodayTest {

    private static final LocalDate TODAY = Today.DATE;

    @Test
    void anEntryOwingNoIeepaDutyIsNotEligibleForCape() throws IOException {
        String org = org();
        String stillOwing = recentAndPaid(org);
        String id = recentAndPaid(org);
        move(org, id, "liquidation", """
                {"liquidationDate":"%s","reason":"CBP removed IEEPA",
                 "layers":[{"program":"IEEPA_RECIPROCAL","heading":"9903.02.39","amount":0.00}]}""".formatted(TODAY))
                .statusCode(200).body("liquidation.refundDue", equalTo(19000.00f));
        get(org, "/api/ieepa-refunds").statusCode(200)
                .body("items.find { it.entryId == '" + id + "' }.refundable", equalTo(0f))
                .body("items.find { it.entryId == '" + id + "' }.headings", empty())
                .body("items.find { it.entryId == '" + id + "' }.eligible", equalTo(false))
                .body("items.find { it.entryId == '" + id + "' }.reasons", hasItem("no IEEPA duty owed"))
                .body("items.find { it.entryId == '" + stillOwing + "' }.eligible", equalTo(true));
        // CAPE can no longer be used for it: its deadline is left out
        String number = get(org, "/api/entries/" + id).body("deadlines.kind", not(hasItem("CAPE"))).extract().path("entryNumber");
        String owing = get(org, "/api/entries/" + stillOwing).extract().path("entryNumber");
        byte[] zip = get(org, "/api/ieepa-refunds/cape-files").statusCode(200).header("X-Cape-Entries", "1").extract().asByteArray();
        String files = unzipped(zip);
        assertFalse(files.contains(number.replace("-", "")), files);
        assertTrue(files.contains(owing.replace("-", "")), files);
        move(org, id, "refund-request", CAPE_REQUEST.replace("2026-04-21", TODAY.toString())).statusCode(409)
                .body("detail", containsString("no IEEPA duty owed"));
        // the refund the liquidation made due can still be asked for
        move(org, id, "refund-request", "{\"requestedOn\":\"" + TODAY + "\",\"kind\":\"LIQUIDATION\",\"reason\":\"refund due\"}")
                .statusCode(200).body("refund.claimedTotal", equalTo(19000.00f));
    }

    /** A {@link Entries#malaysian} entry of 30 days ago (reciprocal 19,000.00), paid in full 20 days ago: eligible for CAPE today. */
    private static String recentAndPaid(String org) {
        String id = filed(org, malaysian(number(), TODAY.minusDays(30).toString(), "19000.00", ""));
        move(org, id, "payments", "{\"amount\":22071.40,\"paidOn\":\"" + TODAY.minusDays(20) + "\",\"achReference\":\"ACH-1\"}")
                .statusCode(200);
        return id;
    }

    private static String unzipped(byte[] zip) throws IOException {
        StringBuilder out = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            while (in.getNextEntry() != null) {
                out.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out.toString();
    }
}

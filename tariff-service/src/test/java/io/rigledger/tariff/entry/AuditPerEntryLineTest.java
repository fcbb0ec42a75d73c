package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.rigledger.tariff.entry.Entries.PO;
import static io.rigledger.tariff.entry.Entries.audit;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;

/**
 * An origin audit's difference stays on the 7501 line where it arose: CBP re-computes each line for
 * the asserted origin, so a line that already had that origin changes by nothing, and only the order
 * lines (and rigs) on the changed line carry the difference.
 */
@QuarkusTest
class AuditPerEntryLineTest {

    /** 7501 line 1 = order line 1 (MY, 3 rigs at 5,400.00), 7501 line 2 = order line 2 (CN, 2 rigs at 3,650.50), ocean, 2026-08-03. */
    private static String twoOrigins(String number) {
        return """
                {"entryNumber":"%s","entryType":"01","entryDate":"2026-08-03","portCode":"2704","transportMode":"OCEAN",
                 "importer":"Northwind Mining LLC",
                 "lines":[{"htsCode":"8543.70.9860","originCountry":"MY","customsValue":16200.00,"quantity":3,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":421.20},
                             {"program":"SECTION_301_FORCED_LABOR","heading":"9903.05.54","ratePercent":10,"amount":1620.00}]},
                  {"htsCode":"8543.70.9860","originCountry":"CN","customsValue":7301.00,"quantity":2,"manufacturer":"Bitmain",
                   "layers":[{"program":"MFN","heading":"8543.70.98","ratePercent":2.6,"amount":189.83},
                             {"program":"SECTION_301","heading":"9903.88.02","ratePercent":25,"amount":1825.25},
                             {"program":"SECTION_301_FORCED_LABOR","heading":"9903.05.31","ratePercent":12.5,"amount":912.63}]}],
                 "fees":[{"type":"MPF","amount":81.41},{"type":"HMF","amount":29.38}],
                 "orderLines":[{"purchaseOrderId":"%s","lineNumber":1,"entryLine":1,"value":16200.00,"quantity":3,
                                "serialNumbers":["MY-1","MY-2","MY-3"]},
                               {"purchaseOrderId":"%s","lineNumber":2,"entryLine":2,"value":7301.00,"quantity":2,
                                "serialNumbers":["CN-1","CN-2"]}]}"""
                .formatted(number, PO, PO);
    }

    private static final String PAY = "{\"amount\":5079.70,\"paidOn\":\"2026-08-10\",\"achReference\":\"ACH-1\"}";

    @Test
    void anAuditToChinaChangesOnlyTheMalaysianLineAndItsRigs() {
        String org = org();
        String id = filed(org, twoOrigins(number()));
        move(org, id, "payments", PAY).statusCode(200);
        get(org, "/api/entries/" + id + "/allocation").statusCode(200)
                .body("lines.duty", equalTo(List.of(2041.20f, 2927.71f)));
        move(org, id, "origin-audits", audit("CN", "2026-10-01")).statusCode(200)
                .body("originAudits[0].dutyDifference", equalTo(4455.00f));
        get(org, "/api/entries/" + id + "/allocation").statusCode(200)
                .body("layers.find { it.heading == '9903.88.02' }.amount", equalTo(5875.25f))
                .body("layers.find { it.heading == '9903.05.31' }.amount", equalTo(2937.63f))
                .body("layers.find { it.heading == '9903.05.54' }.amount", equalTo(0f))
                // 2,041.20 + 4,455.00 on line 1; line 2 (already CN) unchanged
                .body("lines.duty", equalTo(List.of(6496.20f, 2927.71f)))
                .body("lines[0].rigs.duty", equalTo(List.of(2165.40f, 2165.40f, 2165.40f)))
                .body("lines[1].rigs.duty", equalTo(List.of(1463.86f, 1463.85f)))
                .body("lines[0].layers.find { it.heading == '9903.88.02' }.amount", equalTo(4050.00f))
                .body("lines[1].layers.find { it.heading == '9903.88.02' }.amount", equalTo(1825.25f));

        // then an audit back to Malaysia: each line re-computed against what it owes now
        move(org, id, "origin-audits", audit("MY", "2026-10-15")).statusCode(200)
                .body("originAudits[1].dutyDifference", equalTo(-6462.78f));
        get(org, "/api/entries/" + id + "/allocation").statusCode(200)
                .body("lines.duty", equalTo(List.of(2041.20f, 919.93f)));
    }

    @Test
    void anAuditToMalaysiaChangesOnlyTheChineseLine() {
        String org = org();
        String id = filed(org, twoOrigins(number()));
        move(org, id, "payments", PAY).statusCode(200);
        // line 2 as MY: MFN 189.83 + 9903.05.54 at 10 % 730.10, no Section 301
        move(org, id, "origin-audits", audit("MY", "2026-10-01")).statusCode(200)
                .body("originAudits[0].dutyDifference", equalTo(-2007.78f));
        get(org, "/api/entries/" + id + "/allocation").statusCode(200)
                .body("lines.duty", equalTo(List.of(2041.20f, 919.93f)))
                .body("lines[0].rigs.duty", equalTo(List.of(680.40f, 680.40f, 680.40f)))
                .body("lines[1].rigs.duty", equalTo(List.of(459.97f, 459.96f)));
    }
}

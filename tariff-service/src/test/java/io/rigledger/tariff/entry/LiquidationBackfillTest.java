package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.rigledger.tariff.entry.Entries.audit;
import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.get;
import static io.rigledger.tariff.entry.Entries.move;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An entry liquidated before commit 690f41f has its liquidation's decreases only in its liquidation record (they were
 * computed on each read) and no LIQUIDATED ledger rows. The database seeded that way (the rows a liquidation writes
 * today deleted) is brought forward at start-up by {@link LiquidationBackfill}: the same rows, once.
 */
@QuarkusTest
class LiquidationBackfillTest extends PinnedTodayTest {

    @Inject
    LiquidationBackfill backfill;

    @Inject
    DataSource dataSource;

    @Test
    void anEntryLiquidatedWithoutLiquidatedRowsGetsTheRowsALiquidationWritesOnceAndOwesWhatItOwedThen() throws SQLException {
        String org = org();
        // MY line + CN line, audited to China (IEEPA billed on the MY line), the bill paid, then liquidated without IEEPA
        String id = filed(org, MultiLineDecreaseTest.mixed(number()));
        move(org, id, "payments", "{\"amount\":51107.10,\"paidOn\":\"2025-09-25\",\"achReference\":\"ACH-1\"}").statusCode(200);
        move(org, id, "origin-audits", audit("CN", "2026-01-10")).statusCode(200);
        move(org, id, "payments", "{\"amount\":36000.00,\"paidOn\":\"2026-01-20\",\"achReference\":\"ACH-2\"}").statusCode(200);
        move(org, id, "liquidation", """
                {"liquidationDate":"2026-11-30","reason":"CBP removed IEEPA",
                 "layers":[{"program":"IEEPA_FENTANYL","heading":"9903.01.24","amount":0.00},
                           {"program":"IEEPA_RECIPROCAL","heading":"9903.01.25","amount":0.00}]}""")
                .statusCode(200).body("liquidation.refundDue", equalTo(45000.00f));
        String allocation = get(org, "/api/entries/" + id + "/allocation").statusCode(200).extract().asString();
        List<String> written = liquidatedRows(id);
        assertFalse(written.isEmpty());

        // the database as the code before 690f41f left it: no LIQUIDATED rows
        execute("delete from entry_amount where entry_id = ? and kind = 'LIQUIDATED'", id);
        assertNotEquals(allocation, get(org, "/api/entries/" + id + "/allocation").statusCode(200).extract().asString());

        assertTrue(backfill.run() >= 1);
        assertEquals(written, liquidatedRows(id));
        assertEquals(allocation, get(org, "/api/entries/" + id + "/allocation").statusCode(200).extract().asString());
        // idempotent: nothing is written twice
        assertEquals(0, backfill.run());
        assertEquals(written, liquidatedRows(id));
    }

    @Test
    void aLiquidationWithoutADecreaseGetsNoRows() throws SQLException {
        String org = org();
        String id = Entries.filedAndPaid(org);
        move(org, id, "liquidation", "{\"liquidationDate\":\"2026-07-27\",\"reason\":\"as entered\","
                + "\"layers\":[{\"program\":\"MPF\",\"heading\":\"\",\"amount\":346.40}]}").statusCode(200);
        backfill.run();
        assertEquals(List.of(), liquidatedRows(id));
    }

    /** The entry's LIQUIDATED rows as "order line program heading amount", in a stable order. */
    private List<String> liquidatedRows(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select order_line, program, heading, amount from entry_amount where entry_id = ? and kind = 'LIQUIDATED'
                order by order_line, program, heading, amount""")) {
            s.setObject(1, UUID.fromString(id));
            List<String> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getInt(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getBigDecimal(4).toPlainString());
                }
            }
            return out;
        }
    }

    private void execute(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
    }
}

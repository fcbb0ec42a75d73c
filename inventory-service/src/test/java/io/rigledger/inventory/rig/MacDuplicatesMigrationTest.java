package io.rigledger.inventory.rig;

import io.rigledger.testsupport.EmbeddedPostgresResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V5 (one current MAC per organisation) on a database that holds duplicates (issue 7): a database of its own,
 * migrated to V4 and seeded with rigs sharing MACs. Without {@link MacDuplicatesBeforeV5} V5 fails and the service
 * would never start; with it, the rig registered first keeps each MAC, the others' MACs move to their MAC history
 * (MAC_CHANGED by "migration V5", naming the rig that kept it), a RETIRED rig and another organisation's rig keep
 * theirs, and V5 and V6 apply.
 */
class MacDuplicatesMigrationTest {

    private static final String MAC_1 = "aa:bb:cc:00:00:01";
    private static final String MAC_2 = "aa:bb:cc:00:00:02";

    @Test
    void v5KeepsEachDuplicatedMacOnTheFirstRegisteredRigAndMovesTheOthersToTheirHistory() throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgresResource.server();
        try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
            s.execute("drop database if exists inventory_mac_duplicates");
            s.execute("create database inventory_mac_duplicates");
        }
        String url = pg.getJdbcUrl("postgres", "inventory_mac_duplicates");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").target("4").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            rig(s, 101, "org-a", "SN-1", "RECEIVED", MAC_1);
            rig(s, 102, "org-a", "SN-2", "RMA", MAC_1);
            rig(s, 103, "org-a", "SN-3", "RETIRED", MAC_1);
            rig(s, 104, "org-b", "SN-4", "RECEIVED", MAC_1);
            rig(s, 105, "org-a", "SN-5", "RECEIVED", MAC_1);
            rig(s, 106, "org-a", "SN-6", "RECEIVED", MAC_2);
            rig(s, 107, "org-a", "SN-7", "RECEIVED", MAC_2);
        }
        FlywayException failed = assertThrows(FlywayException.class, () -> Flyway.configure().dataSource(url, "postgres", "postgres")
                .locations("classpath:db/migration").load().migrate(), "V5 without the callback fails on duplicated MACs");
        assertTrue(failed.getMessage().contains("rig_current_mac_unique_per_org"), failed.getMessage());

        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration")
                .callbacks(new MacDuplicatesBeforeV5()).load().migrate();

        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
            assertEquals(List.of("101 " + MAC_1 + " 0", "102 - 1", "103 " + MAC_1 + " 0", "104 " + MAC_1 + " 0", "105 - 1",
                            "106 " + MAC_2 + " 0", "107 - 1"),
                    rows(s, "select id || ' ' || coalesce(mac, '-') || ' ' || version from rig order by id"));
            assertEquals(List.of(
                            "102 migration V5 MAC_CHANGED {\"mac\": \"" + MAC_1 + "\"} {} RIG-000000101",
                            "105 migration V5 MAC_CHANGED {\"mac\": \"" + MAC_1 + "\"} {} RIG-000000101",
                            "107 migration V5 MAC_CHANGED {\"mac\": \"" + MAC_2 + "\"} {} RIG-000000106"),
                    rows(s, "select rig_id || ' ' || actor || ' ' || kind || ' ' || from_state::text || ' ' || to_state::text || ' '"
                            + " || substring(reason from 'RIG-[0-9]{9}') from rig_event order by rig_id"));
            assertEquals(List.of("6"), rows(s, "select max(version)::text from flyway_schema_history where success"));
        }
    }

    private static void rig(Statement s, long id, String org, String serial, String status, String mac) throws SQLException {
        s.execute("""
                insert into rig (id, org, manufacturer, serial_number, model_code, plant_code, origin_country, status, mac,
                                 registered_at, registered_by)
                values (%d, '%s', 'BITMAIN', '%s', 'antminer-s21', 'BITMAIN-MY', 'MY', '%s', '%s', now(), 'seed')"""
                .formatted(id, org, serial, status, mac));
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }
}

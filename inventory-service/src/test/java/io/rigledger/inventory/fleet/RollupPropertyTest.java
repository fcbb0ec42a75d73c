package io.rigledger.inventory.fleet;

import io.rigledger.testsupport.EmbeddedPostgresResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.flywaydb.core.Flyway;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rollups the summaries read equal a full recount of the rig table after any sequence of
 * registrations, deploys, moves, status changes, landed cost changes, spec corrections, retirements
 * and whole-site maintenance, on the real schema (Flyway migrations, triggers) in PostgreSQL.
 * Changes go in as plain SQL: the triggers keep the rollups whichever code path changes a rig.
 */
class RollupPropertyTest {

    private static final List<String> MODELS = List.of("antminer-s21", "whatsminer-m60s", "avalon-a16xp");
    private static final List<String> ORIGINS = List.of("CN", "MY", "US");
    private static final List<String> STATES = List.of("RECEIVED", "MAINTENANCE", "RMA", "RETIRED");
    private static final int SITES = 2;
    private static final int SLOTS = 4;
    private static final List<List<Dimension>> GROUPINGS = List.of(List.of(), List.of(Dimension.values()),
            List.of(Dimension.STATUS), List.of(Dimension.SITE, Dimension.MANUFACTURER),
            List.of(Dimension.ORIGIN_COUNTRY, Dimension.MODEL));

    private static Connection db;

    /** One change; its numbers pick a rig, site, model... modulo what exists. */
    record Op(int kind, int a, int b, int c) {
    }

    @BeforeContainer
    static void migrate() throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgresResource.server();
        try (Connection admin = pg.getPostgresDatabase().getConnection()) {
            admin.createStatement().execute("drop database if exists inventory_rollups");
            admin.createStatement().execute("create database inventory_rollups");
        }
        String url = pg.getJdbcUrl("postgres", "inventory_rollups");
        Flyway.configure().dataSource(url, "postgres", "postgres").locations("classpath:db/migration").load().migrate();
        db = DriverManager.getConnection(url, "postgres", "postgres");
    }

    @AfterContainer
    static void close() throws SQLException {
        db.close();
    }

    @Provide
    Arbitrary<List<Op>> changes() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 999),
                Arbitraries.integers().between(0, 999), Arbitraries.integers().between(0, 999_999)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(40);
    }

    @Property(tries = 60)
    void rollupsEqualAFullRecountAfterRandomMixedChanges(@ForAll("changes") List<Op> changes) throws SQLException {
        String org = "prop-" + UUID.randomUUID();
        long[] sites = new long[SITES];
        long[] racks = new long[SITES];
        for (int s = 0; s < SITES; s++) {
            sites[s] = id("insert into site (org, code, name, us_state, capacity_kw) values ('" + org + "', 'S" + s
                    + "', 'Site', 'TX', 1000) returning id");
            racks[s] = id("insert into rack (site_id, row_code, code, slots) values (" + sites[s] + ", 'A', 'R1', "
                    + SLOTS + ") returning id");
        }
        for (Op op : changes) {
            apply(org, op, sites, racks);
        }
        for (List<Dimension> dims : GROUPINGS) {
            assertEquals(sums(FleetSql.read(db, FleetSql.recount(dims), org, dims)),
                    sums(FleetSql.read(db, FleetSql.fromRollups(dims), org, dims)), "grouped by " + dims);
        }
    }

    private void apply(String org, Op op, long[] sites, long[] racks) throws SQLException {
        String rig = "(select id from rig where org = '" + org + "' order by id offset " + op.a()
                + " % greatest(1, (select count(*) from rig where org = '" + org + "')) limit 1)";
        int s = op.b() % SITES;
        String sql = switch (op.kind()) {
            case 0, 1 -> "insert into rig (org, manufacturer, serial_number, model_code, origin_country, status, price_usd,"
                    + " duty_usd, fees_usd, registered_at, registered_by) select '" + org + "', m.manufacturer, 'SN' || g || '-"
                    + UUID.randomUUID() + "', m.code, '" + ORIGINS.get(op.b() % 3) + "', 'RECEIVED', " + cents(op.c())
                    + ", 1.25, null, now(), 'prop' from rig_model m, generate_series(1, " + (1 + op.a() % 4)
                    + ") g where m.code = '" + MODELS.get(op.c() % 3) + "'";
            case 2 -> "update rig set status = 'DEPLOYED', site_id = " + sites[s] + ", rack_id = " + racks[s]
                    + ", slot = " + (1 + op.c() % SLOTS) + " where id = " + rig + " and status <> 'RETIRED'";
            case 3 -> {
                String to = STATES.get(op.b() % STATES.size());
                boolean keep = to.equals("MAINTENANCE");
                yield "update rig set status = '" + to + "'" + (keep ? "" : ", site_id = null, rack_id = null, slot = null")
                        + " where id = " + rig + (keep ? " and status in ('DEPLOYED', 'MAINTENANCE')" : "");
            }
            case 4 -> "update rig set price_usd = " + cents(op.c()) + ", fees_usd = 0.5 where id = " + rig;
            case 5 -> "update rig_model set hashrate_ths = " + (100 + op.c() % 300) + ", power_watts = "
                    + (2000 + op.b() * 3) + " where code = '" + MODELS.get(op.a() % 3) + "'";
            case 6 -> "update rig set status = 'MAINTENANCE' where org = '" + org + "' and site_id = " + sites[s]
                    + " and status = 'DEPLOYED'";
            default -> "update rig set status = 'RETIRED', site_id = null, rack_id = null, slot = null where id = " + rig;
        };
        try {
            db.createStatement().execute(sql);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            // the slot was taken: the statement changed nothing, as in the service
        }
    }

    private static String cents(int c) {
        return BigDecimal.valueOf(c, 2).toPlainString();
    }

    private static long id(String sql) throws SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Rows keyed by their group, numbers compared by value (scale ignored). */
    private static Map<Map<Dimension, String>, List<Object>> sums(List<FleetSql.Row> rows) {
        Map<Map<Dimension, String>, List<Object>> byKey = new HashMap<>();
        for (FleetSql.Row r : rows) {
            byKey.put(r.key(), List.of(r.rigCount(), r.hashrateThs().stripTrailingZeros(), r.powerWatts(),
                    r.landedCostUsd().stripTrailingZeros(), r.usMadeRigCount()));
        }
        return byKey;
    }
}

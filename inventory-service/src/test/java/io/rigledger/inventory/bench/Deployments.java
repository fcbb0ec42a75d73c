package io.rigledger.inventory.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives the benchmark fleet a realistic shape before summaries are timed: 20 sites of 50 racks of
 * 1,000 slots, 60% of new rigs DEPLOYED and 5% in MAINTENANCE, spread rack after rack (every site is in
 * use from the first 10,000 rigs and the number of groups stops growing early), written by
 * SQL (test data preparation, not what is measured); the rollup triggers follow as for any change.
 */
final class Deployments {

    private static final int SITES = 20;
    private static final int RACKS_PER_SITE = 50;
    private static final int SLOTS = 1000;

    private final BenchStack stack;
    private final String org;
    private long spreadUpTo;
    private long placed;

    Deployments(BenchStack stack, String org) {
        this.stack = stack;
        this.org = org;
    }

    void prepareSites() throws SQLException {
        try (Connection c = stack.connect(); Statement s = c.createStatement()) {
            s.execute("insert into site (org, code, name, us_state, capacity_kw) select '" + org + "', 'SITE' || g,"
                    + " 'Site ' || g, 'TX', 200000 from generate_series(0, " + (SITES - 1) + ") g");
            s.execute("insert into rack (site_id, row_code, code, slots) select s.id, 'A', 'R' || g, " + SLOTS
                    + " from site s, generate_series(0, " + (SITES * RACKS_PER_SITE - 1) + ") g where s.org = '" + org
                    + "' and s.code = 'SITE' || (g % " + SITES + ")");
        }
    }

    /** Places the rigs registered since the last call. */
    void spread() throws SQLException {
        try (Connection c = stack.connect(); PreparedStatement ps = c.prepareStatement("""
                with fresh as (
                    select id, row_number() over (order by id) - 1 as n from rig
                    where org = ? and id > ? and id % 20 < 13),
                placed as (
                    select f.id, ? + f.n as k, f.n from fresh f)
                update rig r set status = case when p.n % 13 = 12 then 'MAINTENANCE' else 'DEPLOYED' end,
                       site_id = k.site_id, rack_id = k.id, slot = (p.k / 1000) + 1
                from placed p join rack k on k.code = 'R' || (p.k % 1000)
                join site s on s.id = k.site_id and s.org = ?
                where r.id = p.id
                """)) {
            ps.setString(1, org);
            ps.setLong(2, spreadUpTo);
            ps.setLong(3, placed);
            ps.setString(4, org);
            placed += ps.executeUpdate();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select max(id) from rig where org = '" + org + "'")) {
                rs.next();
                spreadUpTo = rs.getLong(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute("analyze rig");
            }
        }
    }
}

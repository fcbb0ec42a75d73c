package io.rigledger.inventory.fleet;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two ways to sum an organisation's fleet (every rig not RETIRED): from the rollups, which
 * triggers keep in the transaction of every change (what the API answers from), and the full recount
 * over the rig table (the reference the property test and the benchmark compare it with). Both
 * multiply by the catalogue's current specs: hashrate TH/s, power W.
 */
public final class FleetSql {

    /** One group: its key (dimension -> value, null for "no site") and sums. */
    public record Row(Map<Dimension, String> key, long rigCount, BigDecimal hashrateThs, long powerWatts,
                      BigDecimal landedCostUsd, long usMadeRigCount) {
    }

    private FleetSql() {
    }

    /** SQL over fleet_rollup grouped by {@code dims}; one parameter, the organisation. */
    public static String fromRollups(List<Dimension> dims) {
        return "select " + select(dims, true) + """
                 sum(f.rig_count), sum(f.rig_count * m.hashrate_ths), sum(f.rig_count * m.power_watts),
                 sum(f.landed_cost_usd), sum(case when f.origin_country = 'US' then f.rig_count else 0 end)
                from fleet_rollup f join rig_model m on m.code = f.model_code left join site s on s.id = f.site_id
                where f.org = ? and f.status <> 'RETIRED'
                """ + groupBy(dims, true) + " having sum(f.rig_count) > 0";
    }

    /** The same figures by a full GROUP BY over the rig table; one parameter, the organisation. */
    public static String recount(List<Dimension> dims) {
        return "select " + select(dims, false) + """
                 count(*), sum(m.hashrate_ths), sum(m.power_watts),
                 sum(coalesce(r.price_usd, 0) + coalesce(r.duty_usd, 0) + coalesce(r.fees_usd, 0)),
                 sum(case when r.origin_country = 'US' then 1 else 0 end)
                from rig r join rig_model m on m.code = r.model_code left join site s on s.id = r.site_id
                where r.org = ? and r.status <> 'RETIRED'
                """ + groupBy(dims, false) + " having count(*) > 0";
    }

    /** Runs one of the two queries and reads its groups. */
    public static List<Row> read(Connection c, String sql, String org, List<Dimension> dims) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<Dimension, String> key = new LinkedHashMap<>();
                    for (int i = 0; i < dims.size(); i++) {
                        key.put(dims.get(i), rs.getString(i + 1));
                    }
                    int n = dims.size();
                    rows.add(new Row(key, rs.getLong(n + 1), rs.getBigDecimal(n + 2), rs.getLong(n + 3),
                            rs.getBigDecimal(n + 4), rs.getLong(n + 5)));
                }
                return rows;
            }
        }
    }

    private static String select(List<Dimension> dims, boolean rollup) {
        return dims.stream().map(d -> (rollup ? d.rollupColumn : d.rigColumn) + ", ").collect(Collectors.joining());
    }

    private static String groupBy(List<Dimension> dims, boolean rollup) {
        if (dims.isEmpty()) {
            return "";
        }
        return " group by " + dims.stream().map(d -> rollup ? d.rollupColumn : d.rigColumn)
                .collect(Collectors.joining(", "));
    }
}

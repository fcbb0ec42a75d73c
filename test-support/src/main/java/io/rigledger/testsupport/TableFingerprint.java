package io.rigledger.testsupport;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The row count and an MD5 of the contents of every table in a database (all schemas but
 * PostgreSQL's own), so a test can prove that a run wrote nothing: not one row added, removed or
 * changed. Compare two fingerprints with {@link #changedSince(TableFingerprint)}.
 *
 * @param tables "schema.table" -> "rows:md5"
 */
public record TableFingerprint(Map<String, String> tables) {

    private static final String TABLES = "select schemaname, tablename from pg_tables"
            + " where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2";

    /** Reads every table now. */
    public static TableFingerprint of(DataSource dataSource) {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(TABLES)) {
                while (rs.next()) {
                    names.add(quote(rs.getString(1)) + "." + quote(rs.getString(2)));
                }
            }
            for (String table : names) {
                try (ResultSet rs = s.executeQuery("select count(*), coalesce(md5(string_agg(md5(t::text), ''"
                        + " order by md5(t::text))), '') from " + table + " t")) {
                    rs.next();
                    tables.put(table, rs.getLong(1) + ":" + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fingerprint the database", e);
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("the database has no tables: nothing would prove that nothing was written");
        }
        return new TableFingerprint(Map.copyOf(tables));
    }

    /** The tables whose rows differ from {@code before} (added, removed or changed), with both fingerprints. */
    public List<String> changedSince(TableFingerprint before) {
        List<String> changed = new ArrayList<>();
        new TreeMap<>(tables).forEach((table, now) -> {
            String then = before.tables.get(table);
            if (!now.equals(then)) {
                changed.add(table + " " + then + " -> " + now);
            }
        });
        before.tables.keySet().stream().filter(t -> !tables.containsKey(t)).forEach(t -> changed.add(t + " dropped"));
        return changed;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}

package io.rigledger.inventory.rig;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads rigs with their place names in one SQL statement each, scoped to one organisation. Pages
 * are keyset on the asset id (index (org, id) and one (org, filter, id) index per filter), so the
 * last page of a million rigs costs what the first does and inserts or moves never shift a page.
 */
@ApplicationScoped
public class RigReads {

    static final String SELECT = """
            select r.id, r.manufacturer, r.serial_number, r.model_code, r.plant_code, r.origin_country, r.status,
                   s.code, k.row_code, k.code, r.slot, r.mac, r.rma_ticket, r.purchase_order_id, r.order_line,
                   r.price_usd, r.duty_usd, r.fees_usd, r.registered_at
            from rig r left join site s on s.id = r.site_id left join rack k on k.id = r.rack_id
            """;

    /** Rows fetched per round trip while streaming an export. */
    private static final int EXPORT_FETCH = 2000;

    @Inject
    AgroalDataSource db;

    /** One rig of the organisation, or empty (also for another organisation's rig). */
    public Optional<RigView> find(String org, long id) {
        List<RigView> found = query(SELECT + " where r.org = ? and r.id = ?", List.of(org, id));
        return found.stream().findFirst();
    }

    /** The rigs with these ids, in the order given (all of {@code org}). */
    public List<RigView> all(String org, List<Long> ids) {
        List<RigView> rows = query(SELECT + " where r.org = ? and r.id = any(?) order by r.id",
                List.of(org, ids.toArray(Long[]::new)));
        Map<String, RigView> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(id -> byId.get(AssetIds.format(id))).toList();
    }

    /** Up to {@code limit} rigs after asset id number {@code after} (from the first when null). */
    public List<RigView> page(String org, RigFilter filter, Long after, int limit) {
        List<Object> params = RigFilter.params();
        StringBuilder sql = new StringBuilder(SELECT).append(" where ").append(filter.where(org, params));
        if (after != null) {
            sql.append(" and r.id > ?");
            params.add(after);
        } else {
            // the first page starts at the organisation's first rig: without this bound PostgreSQL may walk
            // the primary key from id 1 through other organisations' rigs (measured: 240 ms at 1M foreign rigs)
            sql.append(" and r.id >= (select min(r0.id) from rig r0 where r0.org = ?)");
            params.add(org);
        }
        sql.append(" order by r.id limit ?");
        params.add(limit);
        return query(sql.toString(), params);
    }

    /** Hands every matching rig to {@code sink} in asset id order, fetching {@value #EXPORT_FETCH} rows at a time. */
    public void stream(String org, RigFilter filter, RowSink sink) {
        List<Object> params = RigFilter.params();
        String sql = SELECT + " where " + filter.where(org, params) + " order by r.id";
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = prepare(c, sql, params)) {
                ps.setFetchSize(EXPORT_FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(view(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rig export failed", e);
        }
    }

    /** Receives exported rows; may fail writing to the client. */
    @FunctionalInterface
    public interface RowSink {
        void accept(RigView rig) throws UncheckedIOException;
    }

    private List<RigView> query(String sql, List<Object> params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = prepare(c, sql, params);
             ResultSet rs = ps.executeQuery()) {
            List<RigView> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(view(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("rig query failed", e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Long[] ids) {
                ps.setArray(i + 1, c.createArrayOf("int8", ids));
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    private static RigView view(ResultSet rs) throws SQLException {
        String site = rs.getString(8);
        PlacedPosition position = site == null ? null
                : new PlacedPosition(site, rs.getString(9), rs.getString(10), rs.getInt(11));
        int line = rs.getInt(15);
        Integer orderLine = rs.wasNull() ? null : line;
        return new RigView(AssetIds.format(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), RigStatus.valueOf(rs.getString(7)), position, rs.getString(12),
                rs.getString(13), rs.getObject(14, UUID.class), orderLine,
                LandedCostView.of(rs.getBigDecimal(16), rs.getBigDecimal(17), rs.getBigDecimal(18)),
                rs.getTimestamp(19).toInstant());
    }
}

package io.rigledger.inventory.rig;

import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL of bulk registration: every column travels as one array and PostgreSQL unnests them,
 * so a batch of any size is one statement; ON CONFLICT skips rigs registered before (idempotency).
 */
final class RigInserts {

    private static final String INSERT = """
            insert into rig (org, manufacturer, serial_number, model_code, plant_code, origin_country, status, mac,
                             purchase_order_id, order_line, price_usd, duty_usd, fees_usd, registered_at, registered_by)
            select ?, t.manufacturer, t.serial, t.model, t.plant, t.origin, 'RECEIVED', t.mac,
                   t.po, t.line, t.price, t.duty, t.fees, ?, ?
            from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                        ?::uuid[], ?::int[], ?::numeric[], ?::numeric[], ?::numeric[]) with ordinality
                 as t(manufacturer, serial, model, plant, origin, mac, po, line, price, duty, fees, ord)
            where not exists (select 1 from rig r
                              where r.org = ? and r.manufacturer = t.manufacturer and r.serial_number = t.serial)
            order by t.ord
            on conflict on constraint rig_serial_unique_per_manufacturer do nothing
            returning id, manufacturer, serial_number
            """;

    /**
     * Registrations of one organisation take turns from just before they write rigs to their commit: the
     * INSERT's snapshot then holds every rig an earlier registration committed, so (1) it draws asset ids
     * only for rigs it will insert (ON CONFLICT alone draws one per conflicting row: concurrent replays
     * burned ids), and (2) an organisation's asset ids become visible in the order they were drawn, so a
     * reader paging by asset id never passes over a rig that commits later with a lower id. The rollup and
     * fleet_version rows serialise these writers from the INSERT to commit anyway; the lock moves that turn
     * before the ids are drawn. Key: (REGISTRATION_LOCK, hashtext(org)); two organisations with one hash
     * merely take turns.
     */
    private static final String TAKE_TURN = "select pg_advisory_xact_lock(?, hashtext(?))";

    /** The first key of the registration lock ("RIGS" in ASCII), apart from any other advisory lock. */
    private static final int REGISTRATION_LOCK = 0x52494753;

    private static final String EXISTING = """
            select r.id, r.manufacturer, r.serial_number, r.model_code, r.origin_country, r.plant_code,
                   r.purchase_order_id, r.order_line, r.status
            from rig r
            join unnest(?::varchar[], ?::varchar[]) as k(manufacturer, serial)
              on r.manufacturer = k.manufacturer and r.serial_number = k.serial
            where r.org = ?
            """;

    private static final String MAC_HOLDERS = """
            select r.id, r.manufacturer, r.serial_number, r.mac from rig r
            where r.org = ? and r.status <> 'RETIRED' and r.mac = any(?::varchar[])
            """;

    /** PostgreSQL unique_violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** A rig as stored: what a replay of its registration is compared with, and its status as read. */
    record StoredRig(long id, String model, String originCountry, String plant, UUID purchaseOrderId,
                     Integer orderLine, RigStatus status) {
    }

    /** The rig (not RETIRED) that holds a MAC now. */
    record MacHolder(long id, SerialKey key) {
    }

    private RigInserts() {
    }

    /**
     * Inserts the rigs that are new; answers the new rigs' ids by (manufacturer, serial). Rigs stored
     * before are filtered out before the insert, and the caller holds the organisation's registration turn
     * ({@link #takeTurn}), so a replay draws no asset ids from the sequence, even concurrent with the first.
     *
     * @throws io.rigledger.platform.problem.ProblemException 409 naming rigs when another request registered
     *         one of these MAC addresses at the same time (the statement fails, nothing is registered)
     */
    static Map<SerialKey, Long> insert(Connection c, String org, String by, Instant at, List<NewRig> rigs,
                                       List<String> makers) throws SQLException {
        int n = rigs.size();
        String[] serial = new String[n];
        String[] model = new String[n];
        String[] plant = new String[n];
        String[] origin = new String[n];
        String[] mac = new String[n];
        UUID[] po = new UUID[n];
        Integer[] line = new Integer[n];
        BigDecimal[] price = new BigDecimal[n];
        BigDecimal[] duty = new BigDecimal[n];
        BigDecimal[] fees = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            NewRig r = rigs.get(i);
            serial[i] = r.serialNumber();
            model[i] = r.model();
            plant[i] = r.plant();
            origin[i] = r.originCountry();
            mac[i] = Macs.normalise(r.mac());
            po[i] = r.purchaseOrderId();
            line[i] = r.orderLineNumber();
            if (r.landedCost() != null) {
                price[i] = r.landedCost().price();
                duty[i] = r.landedCost().duty();
                fees[i] = r.landedCost().fees();
            }
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, org);
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, by);
            int p = 4;
            for (Object[] column : new Object[][] {makers.toArray(String[]::new), serial, model, plant, origin, mac}) {
                ps.setArray(p++, array(c, "varchar", column));
            }
            ps.setArray(p++, array(c, "uuid", po));
            ps.setArray(p++, array(c, "int4", line));
            ps.setArray(p++, array(c, "numeric", price));
            ps.setArray(p++, array(c, "numeric", duty));
            ps.setArray(p++, array(c, "numeric", fees));
            ps.setString(p, org);
            return keyed(ps);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw Problems.conflict(List.of(new Violation("rigs",
                        "hold a MAC address that became another rig's at the same time")));
            }
            throw e;
        }
    }

    /**
     * Waits for the organisation's registration turn, held to the end of the transaction (see
     * {@link #TAKE_TURN}). A registration takes it once, before any rig row or rollup row (RMA returns,
     * then the insert), so its locks come in one order: turn, rigs, fleet_version, rollups.
     */
    static void takeTurn(Connection c, String org) throws SQLException {
        try (PreparedStatement turn = c.prepareStatement(TAKE_TURN)) {
            turn.setInt(1, REGISTRATION_LOCK);
            turn.setString(2, org);
            turn.execute();
        }
    }

    /** The rigs of {@code org} with these (manufacturer, serial) pairs, as stored. */
    static Map<SerialKey, StoredRig> existing(Connection c, String org, List<String> makers, List<String> serials)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(EXISTING)) {
            ps.setArray(1, array(c, "varchar", makers.toArray(String[]::new)));
            ps.setArray(2, array(c, "varchar", serials.toArray(String[]::new)));
            ps.setString(3, org);
            Map<SerialKey, StoredRig> rigs = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rigs.put(new SerialKey(rs.getString(2), rs.getString(3)), new StoredRig(rs.getLong(1),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class),
                            rs.getObject(8, Integer.class), RigStatus.valueOf(rs.getString(9))));
                }
            }
            return rigs;
        }
    }

    /** The rigs of {@code org} not RETIRED that hold one of these (normalised) MACs now, by MAC. */
    static Map<String, MacHolder> macHolders(Connection c, String org, List<String> macs) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MAC_HOLDERS)) {
            ps.setString(1, org);
            ps.setArray(2, array(c, "varchar", macs.toArray(String[]::new)));
            Map<String, MacHolder> holders = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    holders.put(rs.getString(4), new MacHolder(rs.getLong(1),
                            new SerialKey(rs.getString(2), rs.getString(3))));
                }
            }
            return holders;
        }
    }

    private static Map<SerialKey, Long> keyed(PreparedStatement ps) throws SQLException {
        Map<SerialKey, Long> ids = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.put(new SerialKey(rs.getString(2), rs.getString(3)), rs.getLong(1));
            }
        }
        return ids;
    }

    private static Array array(Connection c, String type, Object[] values) throws SQLException {
        return c.createArrayOf(type, values);
    }
}

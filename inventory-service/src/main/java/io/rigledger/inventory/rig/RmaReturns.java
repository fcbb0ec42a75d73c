package io.rigledger.inventory.rig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of an RMA return received through batch registration (issue 10 item 7: a rig back from RMA
 * is received onto its existing asset): registered rigs of the organisation whose batch item carries a
 * receipt are locked, and those still in RMA go back to RECEIVED with one STATUS_CHANGED event each
 * (who = the caller, why = "returned from RMA, receipt &lt;id&gt;", the receipt also in the event's
 * rma_return_receipt, V6), in the caller's transaction. The lock makes concurrent replays of one return
 * take turns: the second finds the rig RECEIVED and changes nothing. A replay of a receipt that already
 * brought the rig back (its event names that receipt) changes nothing either, whatever the rig's status
 * now, and is answered as a return again: a caller whose first answer was lost must not take its own
 * return for a rig it never had back. The fleet rollups and version follow by the rig table's statement
 * triggers.
 */
final class RmaReturns {

    private static final String LOCK = """
            select id, status from rig where org = ? and id = any(?::bigint[]) order by id for update
            """;

    private static final String RETURN = """
            with returned as (
                update rig r set status = 'RECEIVED', rma_ticket = null, version = r.version + 1
                from unnest(?::bigint[], ?::varchar[]) as t(id, receipt)
                where r.id = t.id and r.org = ? and r.status = 'RMA'
                returning r.id, t.receipt,
                          (select o.rma_ticket from rig o where o.id = r.id) as ticket)
            insert into rig_event (rig_id, at, actor, kind, from_state, to_state, reason, rma_return_receipt)
            select id, ?, ?, 'STATUS_CHANGED', jsonb_strip_nulls(jsonb_build_object('status', 'RMA', 'rmaTicket', ticket)),
                   '{"status":"RECEIVED"}'::jsonb, 'returned from RMA, receipt ' || receipt, receipt
            from returned
            returning rig_id
            """;

    /** The rigs among (id, receipt) pairs that this receipt brought back from RMA before (rig_event_rma_return, V6). */
    private static final String RETURNED_BEFORE = """
            select t.id from unnest(?::bigint[], ?::varchar[]) as t(id, receipt)
            where exists (select 1 from rig_event e where e.rig_id = t.id and e.rma_return_receipt = t.receipt)
            """;

    /**
     * What the return did: each locked rig's status after it, and the rigs its receipt brought back from
     * RMA, in this call or an earlier one.
     */
    record Outcome(Map<Long, RigStatus> status, Set<Long> returned) {
    }

    private RmaReturns() {
    }

    /**
     * Moves the rigs of {@code org} among {@code receipts} (asset id to receipt id) that are in RMA to
     * RECEIVED, with their events; a rig its receipt brought back before is left as it is and answered
     * returned again.
     *
     * @param at    when (UTC), for the events
     * @param actor who, for the events
     */
    static Outcome receive(Connection c, String org, String actor, Instant at, Map<Long, String> receipts)
            throws SQLException {
        Long[] ids = receipts.keySet().toArray(Long[]::new);
        Map<Long, RigStatus> status = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.setString(1, org);
            ps.setArray(2, c.createArrayOf("int8", ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    status.put(rs.getLong(1), RigStatus.valueOf(rs.getString(2)));
                }
            }
        }
        Set<Long> returned = returnedBefore(c, receipts);
        Long[] inRma = status.entrySet().stream()
                .filter(e -> e.getValue() == RigStatus.RMA && !returned.contains(e.getKey()))
                .map(Map.Entry::getKey).sorted().toArray(Long[]::new);
        if (inRma.length == 0) {
            return new Outcome(status, returned);
        }
        String[] receiptOf = new String[inRma.length];
        for (int i = 0; i < inRma.length; i++) {
            receiptOf[i] = receipts.get(inRma[i]);
        }
        Set<Long> moved = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(RETURN)) {
            ps.setArray(1, c.createArrayOf("int8", inRma));
            ps.setArray(2, c.createArrayOf("varchar", receiptOf));
            ps.setString(3, org);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, actor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    moved.add(rs.getLong(1));
                }
            }
        }
        for (Long id : moved) {
            status.put(id, RigStatus.RECEIVED);
        }
        returned.addAll(moved);
        return new Outcome(status, returned);
    }

    /** The rigs whose event names the receipt their item carries now: brought back by this very receipt before. */
    private static Set<Long> returnedBefore(Connection c, Map<Long, String> receipts) throws SQLException {
        Long[] ids = new Long[receipts.size()];
        String[] receiptOf = new String[receipts.size()];
        int i = 0;
        for (Map.Entry<Long, String> e : receipts.entrySet()) {
            ids[i] = e.getKey();
            receiptOf[i++] = e.getValue();
        }
        Set<Long> before = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(RETURNED_BEFORE)) {
            ps.setArray(1, c.createArrayOf("int8", ids));
            ps.setArray(2, c.createArrayOf("varchar", receiptOf));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    before.add(rs.getLong(1));
                }
            }
        }
        return before;
    }
}

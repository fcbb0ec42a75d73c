package io.rigledger.tariff.entry;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static io.rigledger.tariff.entry.Entries.filed;
import static io.rigledger.tariff.entry.Entries.malaysian;
import static io.rigledger.tariff.entry.Entries.number;
import static io.rigledger.tariff.entry.Entries.org;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * V14's reconciliation_group under two concurrent ledger transactions of one organisation (READ COMMITTED, raw JDBC
 * on the test database), made deterministic by waiting until the second one is blocked on a lock: the groups' stored
 * first and last dates and sums stay those of the ledger (a stale, too narrow range read a group as wholly in a range
 * and gave its all-time sums), and two transactions writing the same groups in opposite orders both commit (no 40P01).
 * V15 serializes one organisation's ledger writes with an advisory lock and only ever widens the stored range.
 */
@QuarkusTest
class ReconciliationGroupConcurrencyTest extends PinnedTodayTest {

    private static final LocalDate FILED = LocalDate.of(2025, 9, 15);
    private static final List<String> GROUPINGS = List.of("order", "shipment", "entry", "origin", "program", "manufacturer");

    @Inject
    DataSource dataSource;

    @Test
    void aLaterDateCommittedWhileAnEarlierWaitsIsTheGroupsLastDate() throws Exception {
        String org = org();
        filed(org, malaysian(number(), FILED.toString(), "19000.00", ""));
        long row = ledgerRows(org).get(0);
        LocalDate later = FILED.plusDays(20);
        LocalDate earlier = FILED.minusDays(10);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection a = begin(); Connection b = begin()) {
            copy(a, row, later); // A: a new last date of the row's groups, not committed
            int pidB = pid(b);
            CompletableFuture<Void> writeB = CompletableFuture.runAsync(() -> {
                try {
                    copy(b, row, earlier);
                    b.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, thread);
            awaitBlockedOrDone(pidB, writeB);
            a.commit();
            writeB.get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
        assertEquals(recomputed(org), stored(org));
        // a range ending between the earlier writer's stale last date (the filing's) and the later one: every
        // grouping's sorted page is the ledger's own grouping of the range
        LocalDate from = FILED.minusDays(14);
        LocalDate to = FILED.plusDays(5);
        for (String groupBy : GROUPINGS) {
            for (String sort : List.of("-variance", "estimated", "lastEntryDate")) {
                boolean descending = sort.startsWith("-");
                List<String> expected = ReconciliationRollupTest.ledger(dataSource, org, groupBy, from, to,
                        ReconciliationRollupTest.order(sort.replace("-", ""), descending));
                assertFalse(expected.isEmpty(), groupBy);
                assertEquals(expected, ReconciliationRollupTest.rows(org, "groupBy=" + groupBy + "&sort=" + sort + "&from=" + from
                        + "&to=" + to), groupBy + " sort=" + sort);
            }
        }
    }

    @Test
    void twoTransactionsWritingTheSameGroupsInOppositeOrdersBothCommit() throws Exception {
        String org = org();
        filed(org, malaysian(number(), FILED.toString(), "19000.00", ""));
        List<Long> rows = ledgerRows(org); // one row per (program, heading): their groups differ in every grouping by layer
        assertTrue(rows.size() >= 2, rows.toString());
        long x = rows.get(0);
        long y = rows.get(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection a = begin(); Connection b = begin()) {
            copy(a, x, FILED); // A holds X's groups
            int pidB = pid(b);
            CompletableFuture<Void> writeB = CompletableFuture.runAsync(() -> {
                try {
                    copy(b, y, FILED); // without the lock, B holds Y's groups ...
                    copy(b, x, FILED); // ... and waits on A's X
                    b.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }, thread);
            awaitBlockedOrDone(pidB, writeB);
            copy(a, y, FILED); // without the lock, A waits on B's Y: a deadlock (40P01)
            a.commit();
            writeB.get(30, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
        assertEquals(recomputed(org), stored(org));
    }

    /** A connection in a transaction (auto-commit off, the database's READ COMMITTED). */
    private Connection begin() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    private static int pid(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_backend_pid()"); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Waits (at most 20 s) until backend {@code pid} waits on a lock, or {@code write} has ended without waiting. */
    private void awaitBlockedOrDone(int pid, CompletableFuture<Void> write) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select wait_event_type from pg_stat_activity where pid = ?")) {
            s.setInt(1, pid);
            while (System.nanoTime() < deadline) {
                if (write.isDone()) {
                    return;
                }
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && "Lock".equals(rs.getString(1))) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        fail("backend " + pid + " neither waited on a lock nor finished within 20 s");
    }

    /** The org's non-ENGINE ledger rows' ids, the first of each (program, heading), in (program, heading) order. */
    private List<Long> ledgerRows(String org) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select min(id) from entry_amount where org = ? and kind <> 'ENGINE' group by program, heading order by program, heading""")) {
            s.setString(1, org);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        assertFalse(ids.isEmpty(), org);
        return ids;
    }

    /** Inserts a copy of ledger row {@code id} dated {@code date}, in {@code c}'s transaction (one statement, one trigger). */
    private static void copy(Connection c, long id, LocalDate date) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into entry_amount (org, entry_id, entry_date, kind, program, heading, order_id, order_line, shipment_id,
                                          origin, manufacturer, amount)
                select org, entry_id, ?, kind, program, heading, order_id, order_line, shipment_id, origin, manufacturer, amount
                from entry_amount where id = ?""")) {
            s.setObject(1, date);
            s.setLong(2, id);
            assertEquals(1, s.executeUpdate());
        }
    }

    /** The org's stored groups with ledger rows: grouping|key|program|heading|first|last|rows|estimated|declared|paid|billed|refunded. */
    private List<String> stored(String org) throws SQLException {
        return lines("""
                select group_by, group_key, program, heading, first_date, last_date, ledger_rows, estimated, declared, paid, billed, refunded
                from reconciliation_group where org = ? and ledger_rows <> 0 order by 1, 2, 3, 4""", org);
    }

    /** The same recomputed from the ledger itself, grouped as V7's trigger groups it (ReconciliationRollupTest.groupKey). */
    private List<String> recomputed(String org) throws SQLException {
        String groupings = GROUPINGS.stream().map(g -> "('" + g + "', " + ReconciliationRollupTest.groupKey(g) + ")")
                .collect(java.util.stream.Collectors.joining(",\n    "));
        return lines("""
                select g.group_by, g.group_key, a.program, a.heading, min(a.entry_date), max(a.entry_date), count(*),
                       coalesce(sum(a.amount) filter (where a.kind = 'ESTIMATED'), 0), coalesce(sum(a.amount) filter (where a.kind = 'DECLARED'), 0),
                       coalesce(sum(a.amount) filter (where a.kind = 'PAID'), 0), coalesce(sum(a.amount) filter (where a.kind = 'BILLED'), 0),
                       coalesce(sum(a.amount) filter (where a.kind = 'REFUNDED'), 0)
                from entry_amount a
                join customs_entry e on e.id = a.entry_id
                cross join lateral (values %s) g(group_by, group_key)
                where a.org = ? and a.kind <> 'ENGINE'
                group by 1, 2, 3, 4 order by 1, 2, 3, 4""".formatted(groupings), org);
    }

    private List<String> lines(String sql, String org) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, org);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 1; i <= 12; i++) {
                        cells.add(i <= 7 ? rs.getString(i) : rs.getBigDecimal(i).setScale(2).toPlainString());
                    }
                    lines.add(String.join("|", cells));
                }
            }
        }
        assertFalse(lines.isEmpty(), org);
        return lines;
    }
}

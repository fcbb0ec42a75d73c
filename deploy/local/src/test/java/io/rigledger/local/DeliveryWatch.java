package io.rigledger.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * The delivery of one order's received rigs from procurement-service's outbox to inventory-service,
 * read from the two services' databases (cheaper than paging the APIs many times a second): how many
 * rigs inventory-service holds for the order, how many outbox rows procurement-service has claimed and
 * posted without yet seeing them confirmed (in flight), and whether a serial is held twice.
 * A claimed row is leased: its next attempt lies a lease ahead (2 minutes), beyond any backoff of the
 * test stack (5 s at most), which is how an in-flight row is told from one waiting to be retried.
 */
final class DeliveryWatch implements AutoCloseable {

    /** What a lease puts beyond now and a backoff of the test stack does not. */
    private static final String LEASED = "next_attempt_at > now() + interval '30 seconds'";

    /** One look at both databases. */
    record Look(int registered, int inFlight, int delivered) {
    }

    private final UUID order;
    private final Connection procurement;
    private final Connection inventory;

    DeliveryWatch(StackSettings settings, String orderId) throws SQLException {
        this.order = UUID.fromString(orderId);
        this.procurement = DriverManager.getConnection(settings.jdbcUrl(ServiceApp.PROCUREMENT), StackSettings.DB_USER,
                StackSettings.DB_PASSWORD);
        this.inventory = DriverManager.getConnection(settings.jdbcUrl(ServiceApp.INVENTORY), StackSettings.DB_USER,
                StackSettings.DB_PASSWORD);
    }

    /** Rigs of the order in inventory-service's database, rows in flight and rows delivered in procurement-service's. */
    Look look() throws SQLException {
        return new Look(registered(), count(procurement, "select count(*) from rig_outbox where order_id = ? and status = 'PENDING' and "
                + LEASED), count(procurement, "select count(*) from rig_outbox where order_id = ? and status = 'DELIVERED'"));
    }

    /** Rigs of the order inventory-service holds (committed rows). */
    int registered() throws SQLException {
        return count(inventory, "select count(*) from rig where purchase_order_id = ?");
    }

    /** Serials of the order inventory-service holds more than once (0 expected: lost and twice are both counted by serial). */
    int heldTwice() throws SQLException {
        return count(inventory, "select count(*) from (select serial_number from rig where purchase_order_id = ? "
                + "group by serial_number having count(*) > 1) twice");
    }

    /** Distinct serials of the order inventory-service holds. */
    int distinctSerials() throws SQLException {
        return count(inventory, "select count(distinct serial_number) from rig where purchase_order_id = ?");
    }

    /**
     * Looks every {@code every} until some of the order's rigs are registered and a delivery is in
     * flight (rows claimed and posted, not yet confirmed), within {@code patience}.
     *
     * @return that look, or null when the moment did not come
     */
    Look untilMidDelivery(Duration every, Duration patience) throws SQLException {
        long end = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
            Look look = look();
            if (look.registered() > 0 && look.inFlight() > 0) {
                return look;
            }
            LockSupport.parkNanos(every.toNanos());
        }
        return null;
    }

    private int count(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, order);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        try (procurement; inventory) {
            // both closed, the first failure reported
        }
    }
}

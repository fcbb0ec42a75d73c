package io.rigledger.procurement.order;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of a purchase order. People move it with submit, confirm and cancel; shipments
 * and receipts move it through the shipped and received states. CANCELLED is possible only
 * before anything shipped; RECEIVED and CANCELLED are final.
 */
public enum OrderStatus {
    DRAFT, SUBMITTED, CONFIRMED, PARTIALLY_SHIPPED, SHIPPED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED;

    /** The moves a person asks for by name (POST .../submit, /confirm, /cancel). */
    public enum Move {
        SUBMIT, CONFIRM, CANCEL;

        /** The path segment that asks for this move. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The statuses a move starts from. */
    static Set<OrderStatus> from(Move move) {
        return switch (move) {
            case SUBMIT -> EnumSet.of(DRAFT);
            case CONFIRM -> EnumSet.of(SUBMITTED);
            case CANCEL -> EnumSet.of(DRAFT, SUBMITTED, CONFIRMED);
        };
    }

    /** Where a move leads. */
    static OrderStatus to(Move move) {
        return switch (move) {
            case SUBMIT -> SUBMITTED;
            case CONFIRM -> CONFIRMED;
            case CANCEL -> CANCELLED;
        };
    }

    /** Whether {@code move} is allowed from this status. */
    public boolean allows(Move move) {
        return from(move).contains(this);
    }

    /** The status after {@code move}, or empty when it is not allowed from here. */
    public Optional<OrderStatus> after(Move move) {
        return allows(move) ? Optional.of(to(move)) : Optional.empty();
    }

    /**
     * Where the rigs' flow puts a confirmed order: RECEIVED once every rig ordered was received,
     * PARTIALLY_RECEIVED once any was, else SHIPPED once every rig shipped, else PARTIALLY_SHIPPED.
     *
     * @param ordered  rigs ordered (all lines)
     * @param shipped  rigs shipped so far
     * @param received rigs received so far
     */
    public static OrderStatus ofFlow(long ordered, long shipped, long received) {
        if (received > 0) {
            return received >= ordered ? RECEIVED : PARTIALLY_RECEIVED;
        }
        return shipped >= ordered ? SHIPPED : PARTIALLY_SHIPPED;
    }

    /** Rigs may ship: CONFIRMED, or some shipped (or received) and more to come. */
    public boolean shippable() {
        return this == CONFIRMED || this == PARTIALLY_SHIPPED || this == PARTIALLY_RECEIVED;
    }

    /** Only a DRAFT is edited (PATCH). */
    public boolean editable() {
        return this == DRAFT;
    }

    /** Before shipment and not cancelled: the estimate may be quoted again. */
    public boolean quotable() {
        return this == DRAFT || this == SUBMITTED || this == CONFIRMED;
    }
}

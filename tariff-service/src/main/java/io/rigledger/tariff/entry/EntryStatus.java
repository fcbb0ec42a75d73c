package io.rigledger.tariff.entry;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an entry is in the life of its duty (docs/domain.md, "From estimate to refund"): FILED (entry
 * summary filed) -> PAID (deposit paid, within 10 working days of release) -> CORRECTED (a
 * post-summary correction, a new version of the summary) -> LIQUIDATED (19 U.S.C. 1504) ->
 * PROTESTED (CBP Form 19, 19 U.S.C. 1514) -> FINALLY_LIQUIDATED; REFUND_REQUESTED -> REFUNDED.
 * A refund request does not end the customs life of the entry: it can still be liquidated, protested
 * within 180 days of liquidation (19 U.S.C. 1514(c)(3)), finally liquidated and audited, its refund is
 * recorded whatever the status then (the refund record says requested or received), several refund
 * claims of different kinds may follow one another (REFUNDED once none is open), and a
 * supplementary bill can be paid after liquidation. {@link Move} says from which statuses each action
 * may start (the lifecycle adds the checks a status cannot say: liquidated or not, a refund pending,
 * something billed and unpaid); anything else is 409.
 */
public enum EntryStatus {
    FILED, PAID, CORRECTED, LIQUIDATED, PROTESTED, FINALLY_LIQUIDATED, REFUND_REQUESTED, REFUNDED;

    /** The actions that change an entry, and the statuses each may start from. */
    public enum Move {
        PAY(EnumSet.of(FILED, PAID, CORRECTED, LIQUIDATED, PROTESTED, FINALLY_LIQUIDATED, REFUND_REQUESTED, REFUNDED)),
        CORRECT(EnumSet.of(PAID, CORRECTED)),
        LIQUIDATE(EnumSet.of(PAID, CORRECTED, REFUND_REQUESTED, REFUNDED)),
        PROTEST(EnumSet.of(PAID, CORRECTED, LIQUIDATED, REFUND_REQUESTED, REFUNDED)),
        FINALLY_LIQUIDATE(EnumSet.of(LIQUIDATED, PROTESTED, REFUND_REQUESTED, REFUNDED)),
        REQUEST_REFUND(EnumSet.of(PAID, CORRECTED, LIQUIDATED, FINALLY_LIQUIDATED, REFUND_REQUESTED, REFUNDED)),
        RECORD_REFUND(EnumSet.of(PAID, CORRECTED, LIQUIDATED, PROTESTED, FINALLY_LIQUIDATED, REFUND_REQUESTED)),
        ORIGIN_AUDIT(EnumSet.of(PAID, CORRECTED, LIQUIDATED, PROTESTED, FINALLY_LIQUIDATED, REFUND_REQUESTED, REFUNDED));

        private final Set<EntryStatus> from;

        Move(Set<EntryStatus> from) {
            this.from = from;
        }

        public boolean allowedFrom(EntryStatus status) {
            return from.contains(status);
        }

        public Set<EntryStatus> from() {
            return from;
        }
    }

    /** The status a move leads to from {@code this} (a payment leads to PAID only once the deposit is covered). */
    public EntryStatus after(Move move, boolean fullyPaid) {
        return switch (move) {
            case PAY -> this == FILED && fullyPaid ? PAID : this;
            case CORRECT -> CORRECTED;
            case LIQUIDATE -> LIQUIDATED;
            case PROTEST -> PROTESTED;
            case FINALLY_LIQUIDATE -> FINALLY_LIQUIDATED;
            case REQUEST_REFUND -> REFUND_REQUESTED;
            case RECORD_REFUND -> this == REFUND_REQUESTED ? REFUNDED : this;
            case ORIGIN_AUDIT -> this;
        };
    }

    static final Map<Move, String> WHY = Map.of(
            Move.PAY, "a payment", Move.CORRECT, "a post-summary correction", Move.LIQUIDATE, "a liquidation",
            Move.PROTEST, "a protest", Move.FINALLY_LIQUIDATE, "a final liquidation", Move.REQUEST_REFUND,
            "a refund request", Move.RECORD_REFUND, "a refund", Move.ORIGIN_AUDIT, "an origin audit");
}

package io.rigledger.procurement.order;

import io.rigledger.procurement.order.OrderStatus.Move;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lifecycle table: every move from every status, allowed or refused. */
class OrderStatusTest {

    @Test
    void everyMoveFromEveryStatusIsAllowedOnlyWhereTheLifecycleSays() {
        Map<Move, Map<OrderStatus, OrderStatus>> allowed = Map.of(
                Move.SUBMIT, Map.of(OrderStatus.DRAFT, OrderStatus.SUBMITTED),
                Move.CONFIRM, Map.of(OrderStatus.SUBMITTED, OrderStatus.CONFIRMED),
                Move.CANCEL, Map.of(OrderStatus.DRAFT, OrderStatus.CANCELLED, OrderStatus.SUBMITTED, OrderStatus.CANCELLED,
                        OrderStatus.CONFIRMED, OrderStatus.CANCELLED));
        for (Move move : Move.values()) {
            for (OrderStatus from : OrderStatus.values()) {
                assertEquals(Optional.ofNullable(allowed.get(move).get(from)), from.after(move), move + " from " + from);
            }
        }
    }

    @Test
    void onlyADraftIsEditedAndOnlyUnshippedLiveOrdersAreQuotedAgain() {
        for (OrderStatus s : OrderStatus.values()) {
            assertEquals(s == OrderStatus.DRAFT, s.editable(), s.name());
            assertEquals(EnumSet.of(OrderStatus.DRAFT, OrderStatus.SUBMITTED, OrderStatus.CONFIRMED).contains(s), s.quotable(), s.name());
        }
    }
}

package io.rigledger.inventory.rig;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** Schema LandedCost: what a rig cost landed, USD with two decimals; landed cost = price + duty + fees. */
public record LandedCostView(
        @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal price,
        @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal duty,
        @NotNull @DecimalMin("0") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal fees) {

    /** The stored parts, or null when none is known. */
    public static LandedCostView of(BigDecimal price, BigDecimal duty, BigDecimal fees) {
        if (price == null && duty == null && fees == null) {
            return null;
        }
        return new LandedCostView(money(price), money(duty), money(fees));
    }

    private static BigDecimal money(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : v.setScale(2);
    }
}

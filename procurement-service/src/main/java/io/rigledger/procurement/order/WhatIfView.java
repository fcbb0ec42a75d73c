package io.rigledger.procurement.order;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The open orders re-priced on another date of entry (contract: PurchaseOrderWhatIf): per order
 * and in total, USD.
 *
 * @param unpriced how many open orders had no quote to re-price (estimate PENDING)
 */
public record WhatIfView(LocalDate entryDate, List<OrderWhatIfView> orders, ChangeView total, int unpriced) {

    /**
     * One order: its quote's duty, fees and their sum as quoted (old) and on the new date (new);
     * basis QUOTED, SUPPLIER_PAYS (DDP: zero) or PENDING (no amounts).
     */
    public record OrderWhatIfView(UUID orderId, OrderStatus status, String basis, UUID quoteId, LocalDate oldEntryDate,
                                  ChangeView duty, ChangeView fees, ChangeView total) {
    }

    /** Old and new amounts, USD, and new minus old (negative when the new date costs less). */
    public record ChangeView(BigDecimal old, @JsonProperty("new") BigDecimal newAmount, BigDecimal difference) {

        static ChangeView of(BigDecimal old, BigDecimal newAmount) {
            return new ChangeView(old, newAmount, newAmount.subtract(old));
        }

        ChangeView plus(ChangeView other) {
            return of(old.add(other.old), newAmount.add(other.newAmount));
        }
    }
}

package io.rigledger.tariff.refund;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The organisation's IEEPA refunds (contract: IeepaRefunds): per entry with refundable IEEPA duty
 * declared, the amount per Chapter 99 heading, CAPE eligibility today with the reasons when not,
 * and what was claimed and received (principal and interest apart; shortfall = claimed - principal): {@code claimed},
 * {@code principal}, {@code interest} and {@code shortfall} sum every kind of claim, {@code capeClaimed} and
 * {@code capePrincipal} the CAPE (IEEPA) claims alone, {@code byKind} each kind apart. USD.
 * One page: totals are the sums of this page's items; nextCursor is null (absent) on the last page.
 */
public record IeepaRefundView(LocalDate asOf, List<Item> items, Totals totals, String nextCursor) {

    public record Heading(String heading, BigDecimal amount) {
    }

    public record Item(UUID entryId, String entryNumber, LocalDate entryDate, String status, LocalDate liquidationDate,
                       List<Heading> headings, BigDecimal refundable, boolean eligible, List<String> reasons,
                       BigDecimal claimed, BigDecimal principal, BigDecimal interest, BigDecimal shortfall,
                       BigDecimal capeClaimed, BigDecimal capePrincipal, List<ClaimsOfKind> byKind) {
    }

    /** An entry's claims of one kind summed (claimed, and once received principal, interest, shortfall), USD; null while none. */
    public record ClaimsOfKind(String kind, BigDecimal claimed, BigDecimal principal, BigDecimal interest, BigDecimal shortfall) {
    }

    public record Totals(BigDecimal refundable, BigDecimal eligible, BigDecimal claimed, BigDecimal principal,
                         BigDecimal interest, BigDecimal shortfall, BigDecimal capeClaimed, BigDecimal capePrincipal) {
    }
}

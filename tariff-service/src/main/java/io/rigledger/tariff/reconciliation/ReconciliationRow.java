package io.rigledger.tariff.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the reconciliation (contract: ReconciliationRow): a group (an order, a shipment, an
 * entry, an origin, a program or a manufacturer) and one layer (program and Chapter 99 heading; fees
 * MPF/HMF and interest with an empty heading), with what the order estimated (its stored quote), what
 * the entries declared, what was paid, what CBP billed later and what came back, in USD; the entry
 * dates it spans; {@code variance} = declared + billed - refunded - estimated (what the layer finally
 * costs against the estimate); and the reason finance recorded on the row, if any.
 */
public record ReconciliationRow(String group, String program, String heading, LocalDate firstEntryDate,
                                LocalDate lastEntryDate, BigDecimal estimated, BigDecimal declared, BigDecimal paid,
                                BigDecimal billed, BigDecimal refunded, BigDecimal variance, String reason) {

    /** The CSV header, in column order. */
    public static final String[] HEADER = {"group", "program", "heading", "firstEntryDate", "lastEntryDate", "estimated",
        "declared", "paid", "billed", "refunded", "variance", "reason"};
}

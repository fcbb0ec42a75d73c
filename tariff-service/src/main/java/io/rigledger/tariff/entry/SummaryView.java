package io.rigledger.tariff.entry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One version of an entry summary as the API answers it (contract: EntrySummary) and as it is kept
 * (entry_summary.body): per 7501 line each layer as declared beside what the duty engine computes
 * for the same line, dates and mode, with the difference (declared minus engine, USD); the same for
 * the fees; the purchase-order lines covered; totals.
 */
public record SummaryView(int version, String reason, String createdBy, Instant createdAt, String allocationMethod,
                          boolean reconciliationFlag, boolean drawbackClaim, long scheduleVersion, List<LineView> lines,
                          List<Amounts> fees, List<SummaryInput.OrderLine> orderLines, Totals totals) {

    /** A 7501 line and its layers, declared vs engine. */
    public record LineView(int lineNumber, String htsCode, String originCountry, BigDecimal customsValue, int quantity,
                           BigDecimal usContentPercent, String manufacturer, List<Amounts> layers, BigDecimal declaredDuty,
                           BigDecimal engineDuty, BigDecimal difference) {
    }

    /**
     * One layer or fee: {@code key} is the program (or MPF/HMF), {@code heading} the Chapter 99 heading
     * (the HTS subheading for MFN; absent for fees), {@code ratePercent} as declared (else the engine's).
     */
    public record Amounts(String key, String heading, BigDecimal ratePercent, BigDecimal declared, BigDecimal engine,
                          BigDecimal difference, Boolean refundable) {
    }

    /** Sums over the lines and fees, USD. */
    public record Totals(BigDecimal declaredDuty, BigDecimal engineDuty, BigDecimal dutyDifference, BigDecimal declaredFees,
                         BigDecimal engineFees, BigDecimal feesDifference, BigDecimal declared, BigDecimal engine,
                         BigDecimal difference, BigDecimal refundableIeepaDuty) {
    }
}

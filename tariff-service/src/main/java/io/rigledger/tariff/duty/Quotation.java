package io.rigledger.tariff.duty;

import java.math.BigDecimal;
import java.util.List;

/**
 * The engine's answer: per line its parts and layers, the entry's fees, and totals (USD, each
 * amount HALF_UP to the cent at its own step; totals are sums of rounded amounts).
 */
public record Quotation(long scheduleVersion, List<LineQuote> lines, List<FeeQuote> fees,
                        BigDecimal totalCustomsValue, BigDecimal totalDuty, BigDecimal totalFees, BigDecimal total,
                        BigDecimal refundableDuty) {

    /** How a line is declared: whole, or split by US content like the 7501 (CBP IEEPA FAQ). */
    public enum PartKind { WHOLE, US_CONTENT, NON_US_CONTENT }

    public record LineQuote(int lineNumber, QuoteInput.Line line, List<PartQuote> parts, BigDecimal duty) {
    }

    /** {@code heading}: for the US-content part, the heading it is declared under (9903.01.34); else null. */
    public record PartQuote(PartKind kind, String heading, BigDecimal basis, List<LayerQuote> layers, BigDecimal duty) {
    }

    /** One Chapter 99 (or MFN) layer; {@code inTransit}: an in-transit relief replaced the measure's rate and heading. */
    public record LayerQuote(long measureId, Program program, String heading, BigDecimal ratePercent, BigDecimal basis,
                             BigDecimal amount, boolean refundable, boolean drawbackEligible, String legalReference,
                             boolean confirmed, boolean inTransit) {
    }

    /**
     * One fee: {@code computed} = HALF_UP(basis x rate / 100); {@code amount} the fee due (MPF held
     * between the fiscal year's {@code minimum} and {@code maximum}; HMF uncapped, limits null).
     */
    public record FeeQuote(FeeType type, BigDecimal ratePercent, BigDecimal basis, BigDecimal computed,
                           BigDecimal amount, Integer fiscalYear, BigDecimal minimum, BigDecimal maximum,
                           String legalReference, boolean confirmed) {
    }
}

package io.rigledger.tariff.quote;

import io.rigledger.tariff.duty.Quotation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The answer of POST and GET /api/duty-quotes (contract: DutyQuote) as the records the service wrote
 * it from with its ObjectMapper until QuoteJson wrote it field by field: kept in the tests as the
 * oracle QuoteJsonTest compares QuoteJson's text with, byte for byte. Amounts are USD with two
 * decimals; rates are percent of the basis.
 */
public record DutyQuoteView(UUID id, LocalDate entryDate, LocalDate exportDate, String transportMode, String currency,
                            Instant quotedAt, long scheduleVersion, BigDecimal totalCustomsValue, List<LineView> lines,
                            List<FeeView> fees, BigDecimal totalDuty, BigDecimal totalFees, BigDecimal total,
                            BigDecimal refundableDuty) {

    public record LineView(int lineNumber, String htsCode, String originCountry, BigDecimal customsValue, int quantity,
                           BigDecimal usContentPercent, List<PartView> parts, BigDecimal dutyAmount) {
    }

    public record PartView(String kind, String heading, BigDecimal basis, List<LayerView> layers, BigDecimal dutyAmount) {
    }

    public record LayerView(long measureId, String program, String heading, BigDecimal ratePercent, BigDecimal basis,
                            BigDecimal amount, boolean refundable, boolean drawbackEligible, String legalReference,
                            boolean confirmed, boolean inTransit) {
    }

    public record FeeView(String type, BigDecimal ratePercent, BigDecimal basis, BigDecimal computed, BigDecimal amount,
                          Integer fiscalYear, BigDecimal minimum, BigDecimal maximum, String legalReference,
                          boolean confirmed) {
    }

    static DutyQuoteView of(UUID id, NewDutyQuote request, Instant quotedAt, Quotation q) {
        List<LineView> lines = q.lines().stream().map(l -> new LineView(l.lineNumber(), l.line().htsCode(),
                l.line().originCountry(), l.line().customsValue().setScale(2), l.line().quantity(),
                l.line().usContentPercent(), l.parts().stream().map(DutyQuoteView::part).toList(), l.duty())).toList();
        List<FeeView> fees = q.fees().stream().map(f -> new FeeView(f.type().name(), plain(f.ratePercent()), f.basis(),
                f.computed(), f.amount(), f.fiscalYear(), f.minimum(), f.maximum(), f.legalReference(), f.confirmed()))
                .toList();
        return new DutyQuoteView(id, request.entryDate(), request.exportDate(), request.transportMode(), "USD", quotedAt,
                q.scheduleVersion(), q.totalCustomsValue(), lines, fees, q.totalDuty(), q.totalFees(), q.total(),
                q.refundableDuty());
    }

    private static PartView part(Quotation.PartQuote p) {
        return new PartView(p.kind().name(), p.heading(), p.basis(), p.layers().stream().map(l -> new LayerView(
                l.measureId(), l.program().name(), l.heading(), plain(l.ratePercent()), l.basis(), l.amount(),
                l.refundable(), l.drawbackEligible(), l.legalReference(), l.confirmed(), l.inTransit())).toList(),
                p.duty());
    }

    /** A rate as written by people: 2.6, 25, 0 (never 2.6000 or 1E+1). */
    static BigDecimal plain(BigDecimal rate) {
        BigDecimal p = rate.stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }
}

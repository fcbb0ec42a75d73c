package io.rigledger.tariff.duty;

import io.rigledger.tariff.duty.Quotation.FeeQuote;
import io.rigledger.tariff.duty.Quotation.LayerQuote;
import io.rigledger.tariff.duty.Quotation.LineQuote;
import io.rigledger.tariff.duty.Quotation.PartKind;
import io.rigledger.tariff.duty.Quotation.PartQuote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Duty and fees of one entry, computed from a {@link Schedule} snapshot; pure, no I/O.
 *
 * <p>The rules, as CBP assesses them:
 * <ul>
 * <li>A line's layers are the measures in force on the date of entry whose HTS prefix and origin
 *     match; an in-transit relief whose entry and export windows (and mode) hold replaces the
 *     measure's rate and heading. US-origin goods are not imports: no layers, no fees.</li>
 * <li>If a layer in force is non-US-content-only (IEEPA reciprocal) and US content is at least 20%,
 *     the line is split as on the 7501: US part = HALF_UP(value x p / 100), declared under
 *     9903.01.34; other part = the rest. Every other layer applies to both parts, the
 *     non-US-only layer to the other part only (CBP IEEPA FAQ).</li>
 * <li>Layer amount = HALF_UP(basis x rate / 100) to the cent; a line's duty is the sum of its layers.</li>
 * <li>MPF once per entry: HALF_UP(rate x value of the non-US-origin lines), held between the
 *     minimum and maximum of the US fiscal year of the date of entry (19 CFR 24.23; CBP Dec. 25-10).
 *     HMF for OCEAN only: HALF_UP(rate x the same value), no cap (19 CFR 24.24).</li>
 * <li>A line's 10-digit statistical number must be the one in force on the date of entry
 *     (8543.70.9960 before 2022-01-27, 8543.70.9860 from then; HTSUS statistical notes).</li>
 * </ul>
 *
 * @throws CannotQuote (from {@link #quote}) naming the field when the schedule cannot answer
 */
public final class DutyEngine {

    /** US content threshold for the split, percent by value (CBP IEEPA FAQ). */
    public static final BigDecimal US_CONTENT_THRESHOLD = BigDecimal.valueOf(20);
    public static final String DOMESTIC = "US";

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private DutyEngine() {
    }

    /** Quotes every line and the entry's fees on the schedule snapshot given. */
    public static Quotation quote(Schedule schedule, QuoteInput input) {
        List<LineQuote> lines = new ArrayList<>(input.lines().size());
        BigDecimal totalValue = ZERO;
        BigDecimal importedValue = ZERO;
        BigDecimal totalDuty = ZERO;
        BigDecimal refundable = ZERO;
        for (int i = 0; i < input.lines().size(); i++) {
            QuoteInput.Line line = input.lines().get(i);
            LineQuote quoted = quoteLine(schedule, input, i, line);
            lines.add(quoted);
            BigDecimal value = cents(line.customsValue());
            totalValue = totalValue.add(value);
            if (!DOMESTIC.equals(line.originCountry())) {
                importedValue = importedValue.add(value);
            }
            totalDuty = totalDuty.add(quoted.duty());
            for (PartQuote part : quoted.parts()) {
                for (LayerQuote layer : part.layers()) {
                    if (layer.refundable()) {
                        refundable = refundable.add(layer.amount());
                    }
                }
            }
        }
        List<FeeQuote> fees = hasImports(input) ? fees(schedule, input, importedValue) : List.of();
        BigDecimal totalFees = ZERO;
        for (FeeQuote fee : fees) {
            totalFees = totalFees.add(fee.amount());
        }
        return new Quotation(schedule.version(), lines, fees, totalValue, totalDuty, totalFees,
                totalDuty.add(totalFees), refundable);
    }

    /** HALF_UP(basis x ratePercent / 100) to the cent: the amount of one layer or fee. */
    public static BigDecimal percentOf(BigDecimal basis, BigDecimal ratePercent) {
        return basis.multiply(ratePercent).movePointLeft(2).setScale(2, RoundingMode.HALF_UP);
    }

    private static boolean hasImports(QuoteInput input) {
        for (QuoteInput.Line line : input.lines()) {
            if (!DOMESTIC.equals(line.originCountry())) {
                return true;
            }
        }
        return false;
    }

    private static LineQuote quoteLine(Schedule schedule, QuoteInput input, int index, QuoteInput.Line line) {
        BigDecimal value = cents(line.customsValue());
        if (DOMESTIC.equals(line.originCountry())) {
            return new LineQuote(index + 1, line, List.of(new PartQuote(PartKind.WHOLE, null, value, List.of(), ZERO)), ZERO);
        }
        String field = "lines[" + index + "].htsCode";
        checkStatisticalNumber(schedule, input.entryDate(), line.htsCode(), field);
        List<Measure> inForce = new ArrayList<>(4);
        boolean splittable = false;
        String usContentHeading = null;
        for (Measure m : schedule.measureArray()) {
            if (m.inForceOn(input.entryDate()) && m.covers(line.htsCode(), line.originCountry())) {
                inForce.add(m);
                if (m.nonUsContentOnly()) {
                    splittable = true;
                    usContentHeading = m.usContentHeading();
                }
            }
        }
        if (inForce.isEmpty()) {
            throw new CannotQuote(field, "no duty measure covers " + line.htsCode() + " from " + line.originCountry()
                    + " entered on " + input.entryDate());
        }
        BigDecimal p = line.usContentPercent();
        if (splittable && p != null && p.compareTo(US_CONTENT_THRESHOLD) >= 0) {
            BigDecimal usPart = percentOf(value, p);
            BigDecimal otherPart = value.subtract(usPart);
            PartQuote us = part(schedule, input, line, inForce, PartKind.US_CONTENT, usContentHeading, usPart, false);
            PartQuote other = part(schedule, input, line, inForce, PartKind.NON_US_CONTENT, null, otherPart, true);
            return new LineQuote(index + 1, line, List.of(us, other), us.duty().add(other.duty()));
        }
        PartQuote whole = part(schedule, input, line, inForce, PartKind.WHOLE, null, value, true);
        return new LineQuote(index + 1, line, List.of(whole), whole.duty());
    }

    private static PartQuote part(Schedule schedule, QuoteInput input, QuoteInput.Line line, List<Measure> inForce,
                                  PartKind kind, String heading, BigDecimal basis, boolean withNonUsOnly) {
        List<LayerQuote> layers = new ArrayList<>(inForce.size());
        BigDecimal duty = ZERO;
        for (Measure m : inForce) {
            if (m.nonUsContentOnly() && !withNonUsOnly) {
                continue;
            }
            LayerQuote layer = layer(schedule, input, line, m, basis);
            layers.add(layer);
            duty = duty.add(layer.amount());
        }
        return new PartQuote(kind, heading, basis, List.copyOf(layers), duty);
    }

    private static LayerQuote layer(Schedule schedule, QuoteInput input, QuoteInput.Line line, Measure m, BigDecimal basis) {
        for (InTransitRelief relief : schedule.reliefArray()) {
            if (relief.applies(m, line.originCountry(), input.entryDate(), input.exportDate(), input.mode())) {
                return new LayerQuote(m.id(), m.program(), relief.heading(), relief.ratePercent(), basis,
                        percentOf(basis, relief.ratePercent()), m.refundable(), m.drawbackEligible(),
                        relief.legalReference(), m.confirmed() && relief.confirmed(), true);
            }
        }
        return new LayerQuote(m.id(), m.program(), m.heading(), m.ratePercent(), basis, percentOf(basis, m.ratePercent()),
                m.refundable(), m.drawbackEligible(), m.legalReference(), m.confirmed(), false);
    }

    private static void checkStatisticalNumber(Schedule schedule, LocalDate entryDate, String htsCode, String field) {
        if (htsCode.length() <= 7) {
            return; // a 6-digit heading names no statistical number
        }
        String heading = htsCode.substring(0, 7);
        boolean known = false;
        for (StatisticalNumber n : schedule.numberArray()) {
            if (n.heading().equals(heading)) {
                known = true;
                if (n.inForceOn(entryDate)) {
                    if (!n.accepts(htsCode)) {
                        throw new CannotQuote(field, htsCode + " is not in force for entries on " + entryDate
                                + "; the statistical number then is " + n.number());
                    }
                    return;
                }
            }
        }
        if (known) {
            throw new CannotQuote(field, "no statistical number of " + heading + " is in force on " + entryDate);
        }
    }

    private static List<FeeQuote> fees(Schedule schedule, QuoteInput input, BigDecimal basis) {
        LocalDate date = input.entryDate();
        FeeRate mpfRate = schedule.feeRate(FeeType.MPF, date)
                .orElseThrow(() -> new CannotQuote("entryDate", "no MPF rate is in force on " + date));
        int fiscalYear = MpfLimits.fiscalYearOf(date);
        MpfLimits limits = schedule.mpfLimits(fiscalYear)
                .orElseThrow(() -> new CannotQuote("entryDate", "no MPF minimum and maximum for FY" + fiscalYear));
        BigDecimal mpf = percentOf(basis, mpfRate.ratePercent());
        List<FeeQuote> fees = new ArrayList<>(2);
        fees.add(new FeeQuote(FeeType.MPF, mpfRate.ratePercent(), basis, mpf, limits.clamp(mpf), fiscalYear,
                limits.minimum(), limits.maximum(), mpfRate.legalReference() + "; " + limits.legalReference(),
                mpfRate.confirmed() && limits.confirmed()));
        if (input.mode() == TransportMode.OCEAN) {
            FeeRate hmfRate = schedule.feeRate(FeeType.HMF, date)
                    .orElseThrow(() -> new CannotQuote("entryDate", "no HMF rate is in force on " + date));
            BigDecimal hmf = percentOf(basis, hmfRate.ratePercent());
            fees.add(new FeeQuote(FeeType.HMF, hmfRate.ratePercent(), basis, hmf, hmf, null, null, null,
                    hmfRate.legalReference(), hmfRate.confirmed()));
        }
        return List.copyOf(fees);
    }

    private static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}

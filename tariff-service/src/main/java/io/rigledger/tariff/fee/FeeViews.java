package io.rigledger.tariff.fee;

import io.rigledger.tariff.schedule.FeeRateRow;
import io.rigledger.tariff.schedule.MpfYearRow;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The fee API's shapes (contract: FeeRate, MpfYear, FeeSchedule, FeeRateChange, MpfYearChange). */
public final class FeeViews {

    private FeeViews() {
    }

    /** An MPF or HMF rate, percent of entered value, by date of entry. */
    public record FeeRateView(long id, String type, BigDecimal ratePercent, LocalDate effectiveFrom,
                              LocalDate effectiveTo, String legalReference, boolean confirmed, int version) {
        static FeeRateView of(FeeRateRow r) {
            BigDecimal rate = r.ratePercent.stripTrailingZeros();
            return new FeeRateView(r.id, r.type.name(), rate.scale() < 0 ? rate.setScale(0) : rate, r.effectiveFrom,
                    r.effectiveTo, r.legalReference, r.confirmed, r.version);
        }
    }

    /** The MPF minimum and maximum (USD) of a US fiscal year (1 October to 30 September). */
    public record MpfYearView(int fiscalYear, BigDecimal minimum, BigDecimal maximum, String legalReference,
                              boolean confirmed, int version) {
        static MpfYearView of(MpfYearRow r) {
            return new MpfYearView(r.fiscalYear, r.minimum, r.maximum, r.legalReference, r.confirmed, r.version);
        }
    }

    public record FeeScheduleView(List<FeeRateView> rates, List<MpfYearView> mpfYears) {
    }

    /** Create, supersede (effectiveFrom = the cut date) or correct (with the current version) a fee rate. */
    public record FeeRateChange(
            @NotNull @Pattern(regexp = "MPF|HMF", message = "must be one of MPF, HMF") String type,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 5) BigDecimal ratePercent,
            @NotNull LocalDate effectiveFrom,
            LocalDate effectiveTo,
            @NotBlank @Size(max = 300) String legalReference,
            @NotNull Boolean confirmed,
            @Min(0) Integer version,
            @NotBlank @Size(max = 1000) String reason) {
    }

    /** Set (create or correct, with the current version) the MPF limits of a fiscal year. */
    public record MpfYearChange(
            @NotNull @DecimalMin("0") @DecimalMax("9999999.99") @Digits(integer = 7, fraction = 2) BigDecimal minimum,
            @NotNull @DecimalMin("0") @DecimalMax("9999999.99") @Digits(integer = 7, fraction = 2) BigDecimal maximum,
            @NotBlank @Size(max = 300) String legalReference,
            @NotNull Boolean confirmed,
            @Min(0) Integer version,
            @NotBlank @Size(max = 1000) String reason) {
    }

    /** Both rows of a fee-rate supersession. */
    public record FeeRateSupersession(FeeRateView closed, FeeRateView successor) {
    }
}

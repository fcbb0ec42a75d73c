package io.rigledger.tariff.schedule;

import io.rigledger.platform.validation.CountryCode;
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

/**
 * The body of createDutyRate, supersedeDutyRate and correctDutyRate (contract: DutyMeasureChange):
 * a whole measure plus the {@code reason} kept in its history. For a correction, {@code version}
 * must be the measure's current version (409 otherwise).
 */
public record MeasureChange(
        @NotNull @Pattern(regexp = PROGRAMS, message = "must be one of " + PROGRAM_LIST) String program,
        @NotNull @Pattern(regexp = HEADING, message = "must be a dotted heading such as 9903.88.02") String heading,
        @NotNull @Pattern(regexp = PREFIX, message = "must be a dotted HTS prefix such as 8543.70") String htsPrefix,
        @NotNull @Size(max = 250) List<@NotNull @CountryCode @Pattern(regexp = "^[A-Z]{2}$",
                message = "must be an ISO 3166-1 alpha-2 code") String> originCountries,
        @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 4) BigDecimal ratePercent,
        @NotNull LocalDate effectiveFrom,
        LocalDate effectiveTo,
        @NotBlank @Size(max = 300) String legalReference,
        @Size(max = 1000) String sourceNote,
        @NotNull Boolean confirmed,
        @NotNull Boolean refundable,
        @NotNull Boolean drawbackEligible,
        @NotNull Boolean nonUsContentOnly,
        @Pattern(regexp = "^\\d{4}\\.\\d{2}\\.\\d{2}$", message = "must be a Chapter 99 heading such as 9903.01.34")
        String usContentHeading,
        @Min(0) Integer version,
        @NotBlank @Size(max = 1000) String reason) {

    static final String PROGRAM_LIST = "MFN, SECTION_301, SECTION_301_FORCED_LABOR, IEEPA_FENTANYL, IEEPA_RECIPROCAL, "
            + "SECTION_122, SECTION_232";
    static final String PROGRAMS = "MFN|SECTION_301|SECTION_301_FORCED_LABOR|IEEPA_FENTANYL|IEEPA_RECIPROCAL|SECTION_122"
            + "|SECTION_232";
    static final String HEADING = "^\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?$";
    static final String PREFIX = "^\\d{4}(\\.\\d{2}(\\.\\d{2}(\\d{2})?)?)?$";
}

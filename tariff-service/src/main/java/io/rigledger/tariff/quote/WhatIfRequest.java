package io.rigledger.tariff.quote;

import io.rigledger.platform.validation.CountryCode;
import jakarta.validation.Valid;
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
import java.util.UUID;

/**
 * The body of POST /api/duty-quotes/what-if (contract: WhatIfRequest): stored quotes
 * ({@code quoteIds}) or one inline {@code quote}, re-quoted on another {@code entryDate} /
 * {@code exportDate} / {@code transportMode} and/or with {@code draftMeasures} added to the
 * schedule (each may replace a measure by id). Nothing is saved.
 */
public record WhatIfRequest(
        @Size(max = 100) List<@NotNull UUID> quoteIds,
        @Valid NewDutyQuote quote,
        LocalDate entryDate,
        LocalDate exportDate,
        @Pattern(regexp = "OCEAN|AIR|TRUCK|RAIL", message = "must be one of OCEAN, AIR, TRUCK, RAIL") String transportMode,
        @Size(max = 50) List<@NotNull @Valid DraftMeasure> draftMeasures) {

    /** A measure as the admin would create it, not saved; {@code replacesId} leaves that measure out. */
    public record DraftMeasure(
            @NotNull @Pattern(regexp = "MFN|SECTION_301|SECTION_301_FORCED_LABOR|IEEPA_FENTANYL|IEEPA_RECIPROCAL"
                    + "|SECTION_122|SECTION_232", message = "must be one of MFN, SECTION_301, SECTION_301_FORCED_LABOR, "
                    + "IEEPA_FENTANYL, IEEPA_RECIPROCAL, SECTION_122, SECTION_232") String program,
            @NotNull @Pattern(regexp = "^\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?$", message = "must be a dotted heading")
            String heading,
            @NotNull @Pattern(regexp = "^\\d{4}(\\.\\d{2}(\\.\\d{2}(\\d{2})?)?)?$", message = "must be a dotted HTS prefix")
            String htsPrefix,
            @NotNull @Size(max = 250) List<@NotNull @CountryCode @Pattern(regexp = "^[A-Z]{2}$",
                    message = "must be an ISO 3166-1 alpha-2 code") String> originCountries,
            @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 4) BigDecimal ratePercent,
            @NotNull LocalDate effectiveFrom,
            LocalDate effectiveTo,
            @NotBlank @Size(max = 300) String legalReference,
            Boolean refundable,
            Boolean drawbackEligible,
            Boolean nonUsContentOnly,
            @Min(1) Long replacesId) {
    }
}

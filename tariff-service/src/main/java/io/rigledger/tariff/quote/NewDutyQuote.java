package io.rigledger.tariff.quote;

import io.rigledger.platform.validation.CountryCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of POST /api/duty-quotes (contract: DutyQuoteRequest). Dates of entry from 2019-01-01
 * to one year after today; {@code exportDate} (loaded at the last port of export) not after
 * {@code entryDate}; {@code transportMode} OCEAN, AIR, TRUCK or RAIL (absent: unknown, no HMF).
 */
public record NewDutyQuote(
        @NotNull LocalDate entryDate,
        LocalDate exportDate,
        @Pattern(regexp = "OCEAN|AIR|TRUCK|RAIL", message = "must be one of OCEAN, AIR, TRUCK, RAIL") String transportMode,
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid Line> lines) {

    /** HTS code dotted, 6 to 10 digits. */
    static final String HTS = "^\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?$";
    static final String HTS_MESSAGE = "must be a dotted HTS code such as 8543.70.9860";

    /**
     * One line: entered value in USD (excludes international freight and insurance), quantity of
     * units (default 1), US content percent by value (0-100, two decimals).
     */
    public record Line(
            @NotNull @Pattern(regexp = HTS, message = HTS_MESSAGE) String htsCode,
            @NotNull @CountryCode @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code") String originCountry,
            @NotNull @DecimalMin("0") @DecimalMax("9999999999999.99") @Digits(integer = 13, fraction = 2) BigDecimal customsValue,
            @Min(1) @Max(1_000_000) Integer quantity,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal usContentPercent) {
    }
}

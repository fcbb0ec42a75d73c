package io.rigledger.tariff.quote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The body of POST /api/duty-quotes (contract: DutyQuoteRequest). */
public record QuoteRequest(
        @NotNull LocalDate entryDate,
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid Line> lines) {

    public record Line(
            @NotNull @Pattern(regexp = "^\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?$",
                    message = "must be a dotted HTS code such as 8543.70.9960") String htsCode,
            @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code") String originCountry,
            @NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 2) BigDecimal customsValue) {
    }
}

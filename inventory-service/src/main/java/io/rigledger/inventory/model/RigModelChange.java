package io.rigledger.inventory.model;

import io.rigledger.inventory.Formats;
import io.rigledger.inventory.catalogue.CatalogueFormats;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;

import java.math.BigDecimal;

/** The body of PUT /api/rig-models/{code} (schema RigModelChange): hashrate TH/s, power W. */
public record RigModelChange(
        @NotNull @Size(max = 16) @Pattern(regexp = CatalogueFormats.MANUFACTURER, message = CatalogueFormats.MANUFACTURER_MESSAGE)
        String manufacturer,
        @NotNull @CodePointLength(min = 1, max = 128, message = Formats.LENGTH_MESSAGE) String name,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("999999.99") @Digits(integer = 6, fraction = 2)
        BigDecimal hashrateThs,
        @NotNull @Min(1) @Max(1_000_000) Integer powerWatts,
        @NotNull @Pattern(regexp = CatalogueFormats.HTS, message = CatalogueFormats.HTS_MESSAGE) String htsCode,
        @NotNull Boolean specsConfirmed,
        Boolean retired) {
}

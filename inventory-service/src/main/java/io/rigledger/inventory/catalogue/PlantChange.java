package io.rigledger.inventory.catalogue;

import io.rigledger.inventory.Formats;
import io.rigledger.platform.validation.CountryCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;

/** The body of PUT /api/plants/{code} (schema PlantChange); retired defaults to false. */
public record PlantChange(
        @NotNull @Size(max = 16) @Pattern(regexp = CatalogueFormats.MANUFACTURER, message = CatalogueFormats.MANUFACTURER_MESSAGE)
        String manufacturer,
        @NotNull @CountryCode
        String country,
        @CodePointLength(min = 1, max = 64, message = Formats.LENGTH_MESSAGE) String city,
        @NotNull Boolean confirmed,
        Boolean retired) {
}

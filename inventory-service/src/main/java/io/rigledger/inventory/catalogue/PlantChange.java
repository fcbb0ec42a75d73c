package io.rigledger.inventory.catalogue;

import io.rigledger.platform.validation.CountryCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of PUT /api/plants/{code} (schema PlantChange); retired defaults to false. */
public record PlantChange(
        @NotNull @Size(max = 16) @Pattern(regexp = CatalogueFormats.MANUFACTURER, message = CatalogueFormats.MANUFACTURER_MESSAGE)
        String manufacturer,
        @NotNull @CountryCode
        String country,
        @Size(min = 1, max = 64) String city,
        @NotNull Boolean confirmed,
        Boolean retired) {
}

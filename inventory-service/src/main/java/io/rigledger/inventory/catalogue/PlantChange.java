package io.rigledger.inventory.catalogue;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of PUT /api/plants/{code} (schema PlantChange); retired defaults to false. */
public record PlantChange(
        @NotNull @Size(max = 16) @Pattern(regexp = CatalogueFormats.MANUFACTURER, message = CatalogueFormats.MANUFACTURER_MESSAGE)
        String manufacturer,
        @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as MY")
        String country,
        @Size(min = 1, max = 64) String city,
        @NotNull Boolean confirmed,
        Boolean retired) {
}

package io.rigledger.inventory.rig;

import io.rigledger.inventory.common.Formats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The body of POST /api/rigs (contract: RigRegistration); unknown properties are refused by Jackson. */
public record RigRegistration(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid NewRig> rigs) {

    /** Contract: NewRig. */
    public record NewRig(
            @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                    message = "must start with a letter or digit and hold only letters, digits, '.', '_' and '-'")
            String serialNumber,
            @NotNull @Size(max = Formats.MODEL_CODE_MAX) @Pattern(regexp = Formats.MODEL_CODE, message = Formats.MODEL_CODE_MESSAGE)
            String model,
            @NotNull @Pattern(regexp = Formats.COUNTRY, message = Formats.COUNTRY_MESSAGE)
            String originCountry,
            UUID purchaseOrderId) {
    }
}

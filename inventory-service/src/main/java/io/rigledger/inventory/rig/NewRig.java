package io.rigledger.inventory.rig;

import io.rigledger.inventory.Formats;
import io.rigledger.inventory.catalogue.CatalogueFormats;
import io.rigledger.platform.validation.CountryCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * One rig to register (schema NewRig): the maker's serial, the model (its manufacturer is the
 * rig's), country of origin, and optionally plant, MAC, order and line, landed cost (USD), and
 * the receipt that took it back from RMA (rmaReturnReceipt, read by batch registration only).
 */
public record NewRig(
        @NotNull @Size(min = 1, max = 64) @Pattern(regexp = Formats.SERIAL_NUMBER, message = Formats.SERIAL_NUMBER_MESSAGE)
        String serialNumber,
        @NotNull @Size(max = Formats.MODEL_CODE_MAX) @Pattern(regexp = Formats.MODEL_CODE, message = Formats.MODEL_CODE_MESSAGE)
        String model,
        @NotNull @CountryCode
        String originCountry,
        @Size(max = 32) @Pattern(regexp = CatalogueFormats.PLANT, message = CatalogueFormats.PLANT_MESSAGE)
        String plant,
        @Pattern(regexp = Macs.PATTERN, message = Macs.MESSAGE)
        String mac,
        UUID purchaseOrderId,
        @Min(1) @Max(10_000) Integer orderLineNumber,
        @Valid LandedCostView landedCost,
        @Size(min = 1, max = 64) @Pattern(regexp = Formats.SERIAL_NUMBER, message = NewRig.RECEIPT_MESSAGE)
        String rmaReturnReceipt) {

    static final String RECEIPT_MESSAGE =
            "must be a receipt id: a letter or digit first, then only letters, digits, '.', '_' and '-'";
}

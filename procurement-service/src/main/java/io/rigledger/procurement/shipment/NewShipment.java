package io.rigledger.procurement.shipment;

import io.rigledger.platform.validation.EntryDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of POST /api/purchase-orders/{id}/shipments (contract: NewShipment): per order line how
 * many rigs shipped and the maker's serial (and MAC, when known) of each; the export date is the
 * date the rigs left the country of export.
 */
public record NewShipment(
        @NotNull @Size(min = 1, max = 100) @Pattern(regexp = TEXT, message = "must be 1 to 100 characters without control characters") String carrier,
        @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9 ._/-]*$",
                message = "must be letters, digits, spaces and . _ / - such as MAEU123456789") String trackingNumber,
        @NotNull @Pattern(regexp = "^(OCEAN|AIR|TRUCK|RAIL)$", message = "must be one of OCEAN, AIR, TRUCK, RAIL") String transportMode,
        @NotNull @EntryDate LocalDate exportDate,
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Line> lines) {

    static final String TEXT = "^[^\\x00-\\x1f\\x7f]+$";

    /** Most rigs in one shipment: inventory-service's batch registers at most this many at once. */
    public static final int MAX_RIGS = 10_000;

    /** contract: NewShipmentLine; quantity in rigs, one entry of {@code rigs} per rig. */
    public record Line(
            @NotNull @Min(1) @Max(200) Integer lineNumber,
            @NotNull @Min(1) @Max(MAX_RIGS) Integer quantity,
            @NotNull @Size(min = 1, max = MAX_RIGS) List<@NotNull @Valid Rig> rigs) {
    }

    /** contract: NewShippedRig. */
    public record Rig(
            @NotNull @Size(min = 1, max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                    message = "must be a maker's serial number such as SMTTH2502101") String serialNumber,
            @Pattern(regexp = "^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$",
                    message = "must be six colon-separated hex pairs such as 0c:42:a1:7f:00:12") String mac) {
    }
}

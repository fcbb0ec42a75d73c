package io.rigledger.procurement.receipt;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * The body of POST /api/shipments/{id}/receipts (contract: NewReceipt): the site the rigs arrived
 * at, when (UTC; now when null), and which rigs by serial (every rig not yet received when null).
 */
public record NewReceipt(
        @NotNull @Size(max = 32) @Pattern(regexp = "^[A-Z0-9]+(-[A-Z0-9]+)*$", message = "must be a site code such as DAL1") String site,
        Instant receivedAt,
        @Size(min = 1, max = 10_000) List<@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                message = "must be a maker's serial number such as SMTTH2502101") String> serialNumbers) {
}

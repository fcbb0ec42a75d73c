package io.rigledger.procurement.receipt;

import io.rigledger.platform.problem.Problems;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The body of POST /api/shipments/{id}/receipts (contract: NewReceipt): the site the rigs arrived
 * at, when (UTC; now when null), and which rigs by serial (every rig not yet received when null).
 */
public record NewReceipt(
        @NotNull @Size(max = 32) @Pattern(regexp = "^[A-Z0-9]+(-[A-Z0-9]+)*$", message = "must be a site code such as DAL1") String site,
        @Size(max = 40) @Pattern(regexp = INSTANT, message = "must be a UTC instant such as 2026-12-16T14:05:00Z") String receivedAt,
        @Size(min = 1, max = 10_000) List<@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]*$",
                message = "must be a maker's serial number such as SMTTH2502101") String> serialNumbers) {

    /** ISO-8601 in UTC, seconds, optional fraction: what the contract's date-time accepts here. */
    static final String INSTANT = "^(19|2[01])\\d{2}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$";

    /**
     * When the rigs arrived; {@code now} when the request says nothing.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming receivedAt when it is no calendar instant (2026-02-30)
     */
    Instant arrivedAt(Instant now) {
        if (receivedAt == null) {
            return now;
        }
        try {
            return Instant.parse(receivedAt).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("receivedAt", "must be a UTC instant such as 2026-12-16T14:05:00Z");
        }
    }
}

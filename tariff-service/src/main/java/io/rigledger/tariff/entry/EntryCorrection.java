package io.rigledger.tariff.entry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of POST /api/entries/{id}/corrections (contract: EntryCorrection): a post-summary
 * correction, the whole summary again as it now stands, and why. It becomes the next version.
 */
public record EntryCorrection(
        @NotNull @Size(min = 1, max = 1000) String reason,
        Boolean reconciliationFlag,
        Boolean drawbackClaim,
        @Pattern(regexp = "^(VALUE|QUANTITY|MANUAL)$", message = "must be one of VALUE, QUANTITY, MANUAL") String allocationMethod,
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid Line> lines,
        @Size(max = 2) List<@NotNull @Valid Fee> fees,
        @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid OrderLine> orderLines) implements SummaryInput {
}

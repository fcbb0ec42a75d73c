package io.rigledger.tariff.entry;

import io.rigledger.platform.validation.EntryDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of POST /api/entries (contract: NewEntry): the 7501 header (entry number, entry type,
 * entry date, export date, port of entry, mode of transport, importer of record) and its summary.
 */
public record NewEntry(
        @NotNull @Size(max = 13) @Pattern(regexp = EntryNumber.PATTERN, message = "must be a filer code, 7 digits and a check digit such as AB1-2345678-9") String entryNumber,
        @NotNull @Pattern(regexp = "^[0-9]{2}$", message = "must be a two-digit CBP entry type such as 01") String entryType,
        @NotNull @EntryDate LocalDate entryDate,
        LocalDate exportDate,
        @NotNull @Pattern(regexp = "^[0-9]{4}$", message = "must be a four-digit CBP port code such as 2704") String portCode,
        @NotNull @Pattern(regexp = "^(OCEAN|AIR|TRUCK|RAIL)$", message = "must be one of OCEAN, AIR, TRUCK, RAIL") String transportMode,
        @NotNull @Size(min = 1, max = 200) @Pattern(regexp = "^[^\\p{Cc}]+$", message = "must not contain control characters") String importer,
        Boolean reconciliationFlag,
        Boolean drawbackClaim,
        @Pattern(regexp = "^(VALUE|QUANTITY|MANUAL)$", message = "must be one of VALUE, QUANTITY, MANUAL") String allocationMethod,
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid Line> lines,
        @Size(max = 2) List<@NotNull @Valid Fee> fees,
        @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid OrderLine> orderLines) implements SummaryInput {
}

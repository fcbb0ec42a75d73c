package io.rigledger.tariff.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * In-transit relief: goods of {@code program} from {@code originCountries} (empty: every origin),
 * entered in [{@code enteredFrom}, {@code enteredBefore}) and loaded on the vessel at the last port
 * of export (the 7501's export date) in [{@code loadedFrom}, {@code loadedBefore}) ({@code loadedFrom}
 * null: any earlier date), by {@code mode} when set, carry {@code ratePercent} under {@code heading}
 * instead of whichever measure of the program is in force. Sources: EO 14195 (9903.01.23),
 * EO 14257 (9903.01.28, 9903.01.25), the 2025-07-31 reciprocal order (9903.01.25), Section 122
 * (9903.03.02), FR Doc. 2026-15181 (9903.05.85).
 */
public record InTransitRelief(long id, Program program, Set<String> originCountries, LocalDate enteredFrom,
                              LocalDate enteredBefore, LocalDate loadedFrom, LocalDate loadedBefore,
                              TransportMode mode, BigDecimal ratePercent, String heading, String legalReference,
                              boolean confirmed) {

    public InTransitRelief {
        originCountries = Set.copyOf(originCountries);
    }

    /** Whether the relief replaces {@code measure} for a line of {@code origin} with these dates and mode. */
    public boolean applies(Measure measure, String origin, LocalDate entryDate, LocalDate exportDate, TransportMode via) {
        return exportDate != null
                && measure.program() == program
                && Countries.includes(originCountries, origin)
                && !entryDate.isBefore(enteredFrom) && entryDate.isBefore(enteredBefore)
                && (loadedFrom == null || !exportDate.isBefore(loadedFrom)) && exportDate.isBefore(loadedBefore)
                && (mode == null || mode == via);
    }

    /** Whether two reliefs could both apply to one line: same program, common origin, entry and export windows. */
    public boolean clashesWith(InTransitRelief other) {
        return program == other.program && Countries.intersect(originCountries, other.originCountries)
                && enteredFrom.isBefore(other.enteredBefore) && other.enteredFrom.isBefore(enteredBefore)
                && (loadedFrom == null || loadedFrom.isBefore(other.loadedBefore))
                && (other.loadedFrom == null || other.loadedFrom.isBefore(loadedBefore))
                && (mode == null || other.mode == null || mode == other.mode);
    }
}

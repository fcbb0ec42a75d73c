package io.rigledger.tariff.entry;

import java.time.LocalDate;
import java.util.UUID;

/** One entry in a list (contract: EntryListItem). */
public record EntryListItem(UUID id, String entryNumber, LocalDate entryDate, String status, int summaryVersion) {
}

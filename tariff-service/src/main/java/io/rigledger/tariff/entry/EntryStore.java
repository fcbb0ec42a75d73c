package io.rigledger.tariff.entry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads and writes an entry's rows for the services of this package: the entry scoped to its
 * organisation, its summary versions, its history, its ledger amounts, and the JSON of its
 * lifecycle records. Callers hold the transaction.
 */
@ApplicationScoped
public class EntryStore {

    @Inject
    ObjectMapper json;

    Clock clock = Clock.systemUTC();

    /** Now, to the millisecond (what PostgreSQL keeps). */
    public Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Today, UTC. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** @throws io.rigledger.platform.problem.ProblemException 404 for a missing entry and for another organisation's */
    public CustomsEntry load(UUID id, String org) {
        return CustomsEntry.<CustomsEntry>findByIdOptional(id).filter(e -> e.org.equals(org))
                .orElseThrow(() -> Problems.notFound("entry", id));
    }

    /**
     * The entry for a write, its row locked (SELECT ... FOR UPDATE) until the transaction ends, so
     * concurrent writes to one entry (payments, corrections, liquidation, protest, refunds, audits)
     * run one after the other, each on the row as the previous one left it, instead of failing on
     * the row version.
     *
     * @throws io.rigledger.platform.problem.ProblemException 404 for a missing entry and for another organisation's
     */
    public CustomsEntry lock(UUID id, String org) {
        return CustomsEntry.<CustomsEntry>find("id = ?1 and org = ?2", id, org).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional().orElseThrow(() -> Problems.notFound("entry", id));
    }

    /**
     * Holds a transaction-scoped PostgreSQL advisory lock on an organisation's entry number, so two
     * concurrent filings of one number are decided one after the other: the second sees the first
     * and answers 409 rather than failing on the unique constraint customs_entry_number_once.
     */
    public void lockNumber(String org, String number) {
        CustomsEntry.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 9))")
                .setParameter(1, org + "|" + number).getSingleResult();
    }

    /**
     * The current summary version.
     *
     * @throws io.rigledger.platform.problem.ProblemException 409 naming the entry when its current summary version is
     *         not stored (a row tariff-service did not write, e.g. loaded by SQL): what it declared cannot be read
     */
    public SummaryView summary(CustomsEntry e) {
        SummaryView summary = version(e.id, e.summaryVersion);
        if (summary == null) {
            throw Problems.conflict("entry " + EntryNumber.display(e.entryNumber) + " has no stored summary (version "
                    + e.summaryVersion + "), so what it declared cannot be read; it was not filed through tariff-service");
        }
        return summary;
    }

    /**
     * The current summary of each of {@code entries} (a page of a list) in one query instead of one per entry,
     * per entry id; an entry whose current summary is not stored (not written by tariff-service) has none in the map.
     */
    public Map<UUID, SummaryView> summaries(List<CustomsEntry> entries) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        Map<UUID, SummaryView> out = new LinkedHashMap<>();
        EntrySummaryRow.getEntityManager().createQuery("select r from EntrySummaryRow r, CustomsEntry e where e.id in ?1"
                        + " and r.key.entryId = e.id and r.key.version = e.summaryVersion", EntrySummaryRow.class)
                .setParameter(1, entries.stream().map(e -> e.id).toList()).getResultList()
                .forEach(r -> out.put(r.key.entryId(), read(r.body, SummaryView.class)));
        return out;
    }

    /** One summary version, or null when the entry has no such version. */
    public SummaryView version(UUID entryId, int version) {
        EntrySummaryRow row = EntrySummaryRow.findById(new EntrySummaryRow.Key(entryId, version));
        return row == null ? null : read(row.body, SummaryView.class);
    }

    /** Keeps a summary version. */
    public void keep(CustomsEntry e, SummaryView summary) {
        EntrySummaryRow row = new EntrySummaryRow();
        row.key = new EntrySummaryRow.Key(e.id, summary.version());
        row.body = write(summary);
        row.reason = summary.reason();
        row.createdBy = summary.createdBy();
        row.createdAt = summary.createdAt();
        row.persist();
    }

    /** Appends a step to the history. */
    public void event(CustomsEntry e, String action, EntryStatus from, String by, String reason, Object details) {
        EntryEvent ev = new EntryEvent();
        ev.entryId = e.id;
        ev.action = action;
        ev.fromStatus = from == null ? null : from.name();
        ev.toStatus = e.status.name();
        ev.at = now();
        ev.byUser = by;
        ev.reason = reason;
        ev.details = details == null ? null : write(details);
        ev.persist();
    }

    /** Whether a step of this action is in the entry's history. */
    public boolean happened(CustomsEntry e, String action) {
        return EntryEvent.count("entryId = ?1 and action = ?2", e.id, action) > 0;
    }

    /** The history, oldest first. */
    public List<EntryView.Event> history(CustomsEntry e) {
        List<EntryEvent> events = EntryEvent.list("entryId", Sort.by("id"), e.id);
        return events.stream().map(ev -> new EntryView.Event(ev.action, ev.fromStatus, ev.toStatus, ev.at, ev.byUser, ev.reason))
                .toList();
    }

    /** Writes ledger rows of an entry. */
    public void ledger(CustomsEntry e, List<Ledger.Row> rows) {
        for (Ledger.Row r : rows) {
            EntryAmount a = new EntryAmount();
            a.org = e.org;
            a.entryId = e.id;
            a.entryDate = e.entryDate;
            a.kind = r.kind();
            a.program = r.program();
            a.heading = r.heading() == null ? "" : r.heading();
            a.orderId = r.cell().orderLine().purchaseOrderId();
            a.orderLine = r.cell().orderLine().lineNumber();
            a.shipmentId = r.cell().orderLine().shipmentId();
            a.origin = r.cell().origin();
            a.manufacturer = r.cell().manufacturer();
            a.amount = r.amount();
            a.persist();
        }
    }

    /** The sum of an entry's ledger rows of one kind and layer (program, heading), USD. */
    public record LayerSum(String kind, String program, String heading, BigDecimal amount) {
    }

    /** Sums of an entry's ledger rows of these kinds per kind, program and heading. */
    public List<LayerSum> ledgerSums(CustomsEntry e, List<String> kinds) {
        return EntryAmount.getEntityManager().createQuery("select a.kind, a.program, a.heading, sum(a.amount) from EntryAmount a"
                        + " where a.entryId = ?1 and a.kind in ?2 group by a.kind, a.program, a.heading"
                        + " order by a.kind, a.program, a.heading", Object[].class)
                .setParameter(1, e.id).setParameter(2, kinds).getResultList().stream()
                .map(r -> new LayerSum((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3])).toList();
    }

    /** The sum of an entry's ledger rows of one kind and layer on one purchase-order line, USD. */
    public record OrderLineSum(String kind, String program, String heading, UUID orderId, int orderLine, BigDecimal amount) {
    }

    /** Sums of an entry's ledger rows of these kinds per kind, program, heading and purchase-order line. */
    public List<OrderLineSum> ledgerSumsByOrderLine(CustomsEntry e, List<String> kinds) {
        return ledgerSumsByOrderLine(List.of(e), kinds).getOrDefault(e.id, List.of());
    }

    /**
     * The {@link #ledgerSumsByOrderLine(CustomsEntry, List)} of several entries (a page of a list) in one
     * query, per entry id; an entry without such rows is absent.
     */
    public Map<UUID, List<OrderLineSum>> ledgerSumsByOrderLine(List<CustomsEntry> entries, List<String> kinds) {
        if (entries.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<OrderLineSum>> out = new LinkedHashMap<>();
        EntryAmount.getEntityManager().createQuery("select a.entryId, a.kind, a.program, a.heading, a.orderId, a.orderLine, sum(a.amount)"
                        + " from EntryAmount a where a.entryId in ?1 and a.kind in ?2"
                        + " group by a.entryId, a.kind, a.program, a.heading, a.orderId, a.orderLine"
                        + " order by a.entryId, a.kind, a.program, a.heading, a.orderLine, a.orderId", Object[].class)
                .setParameter(1, entries.stream().map(e -> e.id).toList()).setParameter(2, kinds).getResultList()
                .forEach(r -> out.computeIfAbsent((UUID) r[0], id -> new ArrayList<>()).add(new OrderLineSum((String) r[1], (String) r[2],
                        (String) r[3], (UUID) r[4], (Integer) r[5], (BigDecimal) r[6])));
        return out;
    }

    /** Removes an entry's ledger rows of these kinds (a correction replaces DECLARED and ENGINE). */
    public void dropLedger(CustomsEntry e, List<String> kinds) {
        EntryAmount.delete("entryId = ?1 and kind in ?2", e.id, kinds);
    }

    public <T> List<T> readList(String text, Class<T> type) {
        try {
            return json.readValue(text, json.getTypeFactory().constructCollectionType(List.class, type));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored JSON of " + type.getSimpleName() + " cannot be read", ex);
        }
    }

    public <T> T read(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored JSON of " + type.getSimpleName() + " cannot be read", ex);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), ex);
        }
    }

}

package io.rigledger.tariff.quote;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.duty.CannotQuote;
import io.rigledger.tariff.duty.DutyEngine;
import io.rigledger.tariff.duty.Quotation;
import io.rigledger.tariff.duty.QuoteInput;
import io.rigledger.tariff.duty.Schedule;
import io.rigledger.tariff.duty.TransportMode;
import io.rigledger.tariff.schedule.ScheduleSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Quotes duty and fees with {@link DutyEngine} on the in-memory schedule snapshot, stores each
 * quote with its owner ({@link QuoteStore}, group commit), and reads stored quotes back. The only
 * database access per quote is the insert of the stored quote.
 */
@ApplicationScoped
public class QuoteService {

    /** The schedule starts here; earlier dates of entry are refused. */
    public static final LocalDate FIRST_ENTRY_DATE = LocalDate.of(2019, 1, 1);

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    ObjectMapper json;

    @Inject
    QuoteStore store;

    Clock clock = Clock.systemUTC();

    /** A quote as stored: its id and the exact JSON answered. */
    public record Stored(UUID id, String body) {
    }

    /**
     * Quotes, and stores without holding the caller's thread while the commit is on its way.
     *
     * @return completes with the stored quote once it is committed (exceptionally with an
     *         IllegalStateException when it could not be stored)
     * @throws io.rigledger.platform.problem.ProblemException 400 for dates out of range, 422 when the
     *         schedule cannot answer (naming the field); thrown before anything is queued
     */
    public CompletionStage<Stored> quote(NewDutyQuote request, QuoteOwner owner) {
        Quotation q = compute(snapshots.current(), request, "");
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        UUID id = timeOrderedId(now);
        String body = QuoteJson.write(json.getFactory(), id, request, now, q);
        StoredQuote stored = new StoredQuote();
        stored.id = id;
        stored.org = owner.org();
        stored.createdBy = owner.userName();
        stored.createdAt = now;
        stored.entryDate = request.entryDate();
        stored.scheduleVersion = q.scheduleVersion();
        stored.body = body;
        return store.submit(stored).thenApply(committed -> new Stored(id, body));
    }

    /** A stored quote the caller may read; empty for a missing or another organisation's quote. */
    public Optional<StoredQuote> find(UUID id, QuoteOwner owner) {
        return StoredQuote.<StoredQuote>findByIdOptional(id).filter(owner::reads);
    }

    /**
     * The stored body of a quote that belongs to organisation {@code org}, for entries that name the
     * quote which estimated an order line; empty for a missing quote or another organisation's.
     */
    public Optional<String> bodyOf(UUID id, String org) {
        return StoredQuote.<StoredQuote>findByIdOptional(id).filter(q -> org.equals(q.org)).map(q -> q.body);
    }

    /**
     * Checks the dates and computes on {@code schedule}; {@code prefix} is put before every field
     * named in a refusal (what-if names its own request's fields).
     */
    Quotation compute(Schedule schedule, NewDutyQuote request, String prefix) {
        checkEntryDate(request.entryDate(), prefix + "entryDate");
        if (request.exportDate() != null && request.exportDate().isAfter(request.entryDate())) {
            throw Problems.badRequest(prefix + "exportDate", "must not be after entryDate");
        }
        try {
            return DutyEngine.quote(schedule, input(request));
        } catch (CannotQuote e) {
            throw Problems.unprocessable(prefix + e.field(), e.getMessage());
        }
    }

    /**
     * 400 naming {@code field} unless the date of entry is within the schedule: on or after
     * {@link #FIRST_ENTRY_DATE} and at most one year after today (UTC).
     */
    void checkEntryDate(LocalDate entryDate, String field) {
        LocalDate today = LocalDate.now(clock);
        if (entryDate.isBefore(FIRST_ENTRY_DATE)) {
            throw Problems.badRequest(field, "must be on or after " + FIRST_ENTRY_DATE);
        }
        if (entryDate.isAfter(today.plusYears(1))) {
            throw Problems.badRequest(field, "must be at most one year after today (" + today.plusYears(1) + ")");
        }
    }

    static QuoteInput input(NewDutyQuote request) {
        List<QuoteInput.Line> lines = new ArrayList<>(request.lines().size());
        for (NewDutyQuote.Line l : request.lines()) {
            lines.add(new QuoteInput.Line(l.htsCode(), l.originCountry(), l.customsValue(),
                    l.quantity() == null ? 1 : l.quantity(), l.usContentPercent()));
        }
        TransportMode mode = request.transportMode() == null ? null : TransportMode.valueOf(request.transportMode());
        return new QuoteInput(request.entryDate(), request.exportDate(), mode, lines);
    }

    /**
     * A UUID version 7 (RFC 9562, section 5.7) for a quote made at {@code at}: its first 48 bits are
     * the Unix time in milliseconds, the other 74 (besides version and variant) are random from
     * {@link UUID#randomUUID()}'s SecureRandom: no id is guessed from another (and another
     * organisation's id answers 404 like a missing one). Ids made
     * later sort later, so each stored quote's primary-key entry lands at the right edge of the
     * index, not on a random page of it.
     */
    static UUID timeOrderedId(Instant at) {
        UUID random = UUID.randomUUID();
        long msb = at.toEpochMilli() << 16 | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(msb, random.getLeastSignificantBits());
    }
}

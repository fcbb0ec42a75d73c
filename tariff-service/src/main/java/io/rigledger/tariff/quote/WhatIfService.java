package io.rigledger.tariff.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.duty.Measure;
import io.rigledger.tariff.duty.Program;
import io.rigledger.tariff.duty.Quotation;
import io.rigledger.tariff.duty.Schedule;
import io.rigledger.tariff.quote.WhatIfView.Change;
import io.rigledger.tariff.quote.WhatIfView.LineChange;
import io.rigledger.tariff.quote.WhatIfView.Scenario;
import io.rigledger.tariff.schedule.ScheduleAdmin;
import io.rigledger.tariff.schedule.ScheduleSnapshots;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What-if re-quotes: the old amounts (a stored quote as it was answered, or the inline quote on
 * today's schedule) against the new ones (another entry date, export date or mode, and/or draft
 * measures on top of the schedule snapshot). Computes with {@link io.rigledger.tariff.duty.DutyEngine}
 * through {@link QuoteService}; saves nothing.
 */
@ApplicationScoped
public class WhatIfService {

    @Inject
    QuoteService quotes;

    @Inject
    ScheduleSnapshots snapshots;

    @Inject
    ObjectMapper json;

    /**
     * @throws io.rigledger.platform.problem.ProblemException 400 when neither or both of quoteIds and quote
     *         are given, a quote id is listed twice, the new entry date is outside the schedule, the new
     *         export date is after the new entry date, or a draft replaces a duty rate that does not exist, 404 for a missing or foreign quote id, 409 when a draft overlaps a measure,
     *         422 when the schedule cannot answer (naming the field under quoteIds[i] or quote)
     */
    public WhatIfView whatIf(WhatIfRequest request, QuoteOwner owner) {
        boolean stored = request.quoteIds() != null && !request.quoteIds().isEmpty();
        if (stored == (request.quote() != null)) {
            throw Problems.badRequest("quoteIds", "give either quoteIds or quote, not both and not neither");
        }
        checkOwnFields(request);
        Schedule today = snapshots.current();
        Schedule draft = withDrafts(today, request.draftMeasures());
        List<Scenario> scenarios = new ArrayList<>();
        if (stored) {
            for (int i = 0; i < request.quoteIds().size(); i++) {
                UUID id = request.quoteIds().get(i);
                StoredQuote quote = quotes.find(id, owner).orElseThrow(() -> Problems.notFound("duty quote", id));
                JsonNode body = read(quote.body);
                NewDutyQuote asked = asked(body);
                Quotation now = quotes.compute(draft, changed(asked, request), "quoteIds[" + i + "].");
                scenarios.add(scenario(id, asked, Before.of(body), changed(asked, request), now));
            }
        } else {
            NewDutyQuote asked = request.quote();
            Quotation before = quotes.compute(today, asked, "quote.");
            Quotation now = quotes.compute(draft, changed(asked, request), "quote.");
            scenarios.add(scenario(null, asked, Before.of(before), changed(asked, request), now));
        }
        BigDecimal old = BigDecimal.ZERO.setScale(2);
        BigDecimal current = BigDecimal.ZERO.setScale(2);
        for (Scenario s : scenarios) {
            old = old.add(s.total().old());
            current = current.add(s.total().current());
        }
        return new WhatIfView(scenarios, Change.of(old, current));
    }

    /**
     * Refusals that belong to the what-if request's own fields, named as the client wrote them (not
     * under quoteIds[i]): the new dates, and quote ids listed twice (each would count twice in the total).
     */
    private void checkOwnFields(WhatIfRequest request) {
        if (request.entryDate() != null) {
            quotes.checkEntryDate(request.entryDate(), "entryDate");
            if (request.exportDate() != null && request.exportDate().isAfter(request.entryDate())) {
                throw Problems.badRequest("exportDate", "must not be after entryDate");
            }
        }
        if (request.quoteIds() != null) {
            Set<UUID> seen = new HashSet<>();
            for (int i = 0; i < request.quoteIds().size(); i++) {
                if (!seen.add(request.quoteIds().get(i))) {
                    throw Problems.badRequest("quoteIds[" + i + "]", "lists quote " + request.quoteIds().get(i)
                            + " a second time; each quote counts once in the total");
                }
            }
        }
    }

    /** The old amounts of a scenario (USD, two decimals): each line's duty and the quote's totals. */
    private record Before(List<BigDecimal> lineDuties, BigDecimal duty, BigDecimal fees, BigDecimal total) {

        /** As a stored quote's body answered them. */
        static Before of(JsonNode body) {
            List<BigDecimal> lines = new ArrayList<>();
            body.path("lines").forEach(l -> lines.add(money(l, "dutyAmount")));
            return new Before(lines, money(body, "totalDuty"), money(body, "totalFees"), money(body, "total"));
        }

        /** As the engine computes them now (the inline quote on today's schedule). */
        static Before of(Quotation q) {
            return new Before(q.lines().stream().map(Quotation.LineQuote::duty).toList(), q.totalDuty(), q.totalFees(),
                    q.total());
        }

        private static BigDecimal money(JsonNode node, String field) {
            return node.path(field).decimalValue().setScale(2);
        }
    }

    private static Scenario scenario(UUID id, NewDutyQuote asked, Before old, NewDutyQuote changed, Quotation now) {
        List<LineChange> lines = new ArrayList<>();
        for (int i = 0; i < now.lines().size(); i++) {
            BigDecimal before = old.lineDuties().get(i);
            BigDecimal after = now.lines().get(i).duty();
            lines.add(new LineChange(i + 1, before, after, after.subtract(before)));
        }
        return new Scenario(id, asked.entryDate(), changed.entryDate(), lines, Change.of(old.duty(), now.totalDuty()),
                Change.of(old.fees(), now.totalFees()), Change.of(old.total(), now.total()));
    }

    private static NewDutyQuote changed(NewDutyQuote asked, WhatIfRequest request) {
        return new NewDutyQuote(
                request.entryDate() != null ? request.entryDate() : asked.entryDate(),
                request.exportDate() != null ? request.exportDate() : asked.exportDate(),
                request.transportMode() != null ? request.transportMode() : asked.transportMode(),
                asked.lines());
    }

    private static Schedule withDrafts(Schedule schedule, List<WhatIfRequest.DraftMeasure> drafts) {
        if (drafts == null || drafts.isEmpty()) {
            return schedule;
        }
        Set<Long> replaced = new HashSet<>();
        List<Measure> added = new ArrayList<>();
        Set<Long> known = new HashSet<>();
        schedule.measures().forEach(m -> known.add(m.id()));
        for (int i = 0; i < drafts.size(); i++) {
            Long id = drafts.get(i).replacesId();
            if (id != null && !known.contains(id)) {
                throw Problems.badRequest("draftMeasures[" + i + "].replacesId", "duty rate " + id
                        + " is not in the schedule (see GET /api/duty-rates)");
            }
            if (id != null) {
                replaced.add(id);
            }
        }
        for (int i = 0; i < drafts.size(); i++) {
            WhatIfRequest.DraftMeasure d = drafts.get(i);
            if (d.effectiveTo() != null && !d.effectiveTo().isAfter(d.effectiveFrom())) {
                throw Problems.badRequest("draftMeasures[" + i + "].effectiveTo", "must be after effectiveFrom");
            }
            Program program = Program.valueOf(d.program());
            boolean nonUsOnly = Boolean.TRUE.equals(d.nonUsContentOnly());
            Measure m = new Measure(0, program, d.heading(), d.htsPrefix(), Set.copyOf(d.originCountries()),
                    d.ratePercent(), d.effectiveFrom(), d.effectiveTo(), d.legalReference(), "what-if draft", false,
                    Boolean.TRUE.equals(d.refundable()), Boolean.TRUE.equals(d.drawbackEligible()), nonUsOnly,
                    nonUsOnly ? "9903.01.34" : null);
            for (Measure other : schedule.measures()) {
                if (!replaced.contains(other.id()) && m.clashesWith(other)) {
                    throw ScheduleAdmin.conflict("draftMeasures[" + i + "]", "overlaps duty rate " + other.id()
                            + "; name it in replacesId to replace it");
                }
            }
            for (Measure other : added) {
                if (m.clashesWith(other)) {
                    throw ScheduleAdmin.conflict("draftMeasures[" + i + "]", "overlaps another draft measure");
                }
            }
            added.add(m);
        }
        return schedule.withDraft(added, replaced);
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored quote's body cannot be read back as JSON", e);
        }
    }

    /**
     * What a stored quote asked, read back from its body: the body holds every field of the request
     * (entry and export dates, transport mode, and per line HTS code, origin, customs value with two
     * decimals, quantity with its default 1 filled in, US content percent), so the re-quote computes
     * exactly what the request would; the answer's own fields (amounts, parts, fees) are skipped.
     */
    private NewDutyQuote asked(JsonNode body) {
        try {
            return json.readerFor(NewDutyQuote.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(body);
        } catch (IOException e) {
            throw new IllegalStateException("a stored quote's body cannot be read back as its request", e);
        }
    }
}

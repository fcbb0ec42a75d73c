package io.rigledger.tariff.entry;

import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.allocation.AllocationTable;
import io.rigledger.tariff.duty.Quotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The moves after payment (docs/domain.md, "From estimate to refund"): liquidation (19 U.S.C.
 * 1504), protest within 180 days (19 U.S.C. 1514), final liquidation, and CBP's origin audit with its
 * supplementary bill (or its credit); refund claims and refunds received are {@link RefundClaims}. Each is a step of the
 * history; each amount CBP bills or refunds goes to the ledger per order line and layer.
 */
@ApplicationScoped
public class EntryLifecycle {

    @Inject
    EntryStore store;

    @Inject
    EntryEngine engine;

    @Inject
    EntryViews views;

    @Inject
    Owed owed;

    /**
     * Liquidates: each layer's final amount against what was owed just before ({@link Owed#now}; unchanged when
     * left out); increases are billed.
     */
    @Transactional
    public EntryView liquidate(UUID id, EntryMoves.NewLiquidation body, String org, String by) {
        CustomsEntry e = store.lock(id, org);
        EntryStatus from = Moves.require(e, EntryStatus.Move.LIQUIDATE);
        if (e.liquidationDate != null) {
            throw Problems.conflict("the entry was already liquidated on " + e.liquidationDate);
        }
        if (body.liquidationDate().isBefore(e.entryDate) || body.liquidationDate().isAfter(store.today())) {
            throw Problems.badRequest("liquidationDate", "must be from the date of entry " + e.entryDate + " to today");
        }
        SummaryView summary = store.summary(e);
        List<EntryView.LayerChange> layers = List.copyOf(finalLayers(e, summary, body.layers()).values());
        BigDecimal bill = layers.stream().map(EntryView.LayerChange::difference).filter(d -> d.signum() > 0)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal due = layers.stream().map(EntryView.LayerChange::difference).filter(d -> d.signum() < 0)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).negate();
        EntryView.Liquidation liquidation = new EntryView.Liquidation(body.liquidationDate(), body.reason(), layers, bill, due);
        e.liquidation = store.write(liquidation);
        e.liquidationDate = body.liquidationDate();
        e.status = from.after(EntryStatus.Move.LIQUIDATE, true);
        List<AllocationTable.LineChange> owedChanges = owed.lineChanges(e, summary);
        bill(e, summary, layers.stream().filter(c -> c.difference().signum() > 0).toList());
        // each decrease off the 7501 lines by what each owes of the layer now (an audit's bill included), never below 0
        layers.stream().filter(c -> c.difference().signum() < 0).forEach(c -> store.ledger(e, Owed.decrease(summary, owedChanges,
                Owed.LIQUIDATED, c.program(), c.heading(), c.difference().negate())));
        store.event(e, "LIQUIDATE", from, by, body.reason(), liquidation);
        return views.of(e);
    }

    /**
     * Each layer and fee with its final amount from {@code given} (liquidated as owed when left out), keyed like
     * {@link Comparison#key}: "before" is what was owed just before (declared + an origin audit's bill - a CAPE refund
     * received - an earlier decrease, {@link Owed#now}).
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming layers[i] for a layer or fee given twice, and as
     *         {@link #checkFee}
     */
    private Map<String, EntryView.LayerChange> finalLayers(CustomsEntry e, SummaryView summary, List<EntryMoves.FinalLayer> given) {
        Map<String, EntryView.LayerChange> changes = owedLayers(e, summary);
        Set<String> seen = new HashSet<>();
        for (int i = 0; given != null && i < given.size(); i++) {
            EntryMoves.FinalLayer l = given.get(i);
            checkFee(e, l, i);
            String heading = AllocationTable.isFee(l.program()) ? "" : l.heading();
            String key = Comparison.key(l.program(), heading);
            if (!seen.add(key)) {
                throw Problems.badRequest("layers[" + i + "]", "this layer or fee is liquidated twice");
            }
            EntryView.LayerChange before = changes.get(key);
            BigDecimal was = before == null ? BigDecimal.ZERO.setScale(2) : before.before();
            changes.put(key, new EntryView.LayerChange(l.program(), before == null ? heading : before.heading(), was,
                    l.amount(), l.amount().subtract(was)));
        }
        return changes;
    }

    /**
     * The reliquidation of a protest CBP allowed (19 U.S.C. 1515(a)): the layers it lowered (final amount below what was owed
     * at the decision), whose decreases are written off the 7501 lines by what each owes now ({@link Owed#GRANTED}, per order
     * line) and become claimable as a PROTEST refund ({@link RefundClaims}, refunded with interest, 19 U.S.C. 1505(c)).
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming layers when the decision is not ALLOWED, 422 naming
     *         layers[i].amount for a final amount above what is owed (a granted protest lowers the duty; CBP bills an increase by
     *         reliquidating within 90 days, 19 U.S.C. 1501)
     */
    private List<EntryView.LayerChange> grant(CustomsEntry e, EntryMoves.FinalLiquidation body) {
        if (body.layers() == null || body.layers().isEmpty()) {
            return List.of();
        }
        if (!body.decision().equals("ALLOWED")) {
            throw Problems.badRequest("layers", "only a protest CBP allowed is reliquidated; the decision is " + body.decision());
        }
        SummaryView summary = store.summary(e);
        Map<String, EntryView.LayerChange> changes = finalLayers(e, summary, body.layers());
        for (int i = 0; i < body.layers().size(); i++) {
            EntryMoves.FinalLayer l = body.layers().get(i);
            EntryView.LayerChange c = changes.get(Comparison.key(l.program(), AllocationTable.isFee(l.program()) ? "" : l.heading()));
            if (c.difference().signum() > 0) {
                throw Problems.unprocessable("layers[" + i + "].amount", "a granted protest lowers the duty: " + l.amount()
                        + " is above the " + c.before() + " owed on " + (c.heading().isEmpty() ? c.program() : c.heading()));
            }
        }
        List<EntryView.LayerChange> lowered = changes.values().stream().filter(c -> c.difference().signum() < 0).toList();
        List<AllocationTable.LineChange> owedChanges = owed.lineChanges(e, summary);
        lowered.forEach(c -> store.ledger(e, Owed.decrease(summary, owedChanges, Owed.GRANTED, c.program(), c.heading(),
                c.difference().negate())));
        return lowered;
    }

    /**
     * A fee in a liquidation carries no heading, and an MPF other than 0 lies within the fiscal year's minimum and
     * maximum of the date of entry (19 CFR 24.23), as CBP liquidates it.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming layers[i].heading or layers[i].amount
     */
    private void checkFee(CustomsEntry e, EntryMoves.FinalLayer l, int i) {
        if (!AllocationTable.isFee(l.program())) {
            return;
        }
        if (!l.heading().isEmpty()) {
            throw Problems.badRequest("layers[" + i + "].heading", "must be empty for a fee (" + l.program() + ")");
        }
        engine.mpfLimits(e.entryDate).filter(m -> l.program().equals("MPF") && l.amount().signum() != 0
                && (l.amount().compareTo(m.minimum()) < 0 || l.amount().compareTo(m.maximum()) > 0)).ifPresent(m -> {
                    throw Problems.badRequest("layers[" + i + "].amount", "an MPF must be from " + m.minimum() + " to " + m.maximum()
                            + " (FY" + m.fiscalYear() + ", 19 CFR 24.23)");
                });
    }

    /**
     * Files a protest, within 180 days after liquidation (19 U.S.C. 1514(c)(3)), also once a refund was
     * requested or received: asking for a refund does not give up the right to protest the liquidation.
     */
    @Transactional
    public EntryView protest(UUID id, EntryMoves.NewProtest body, String org, String by) {
        CustomsEntry e = store.lock(id, org);
        EntryStatus from = Moves.require(e, EntryStatus.Move.PROTEST);
        LocalDate liquidated = liquidatedOn(e, "a protest");
        if (e.protest != null) {
            throw Problems.conflict("a protest was already filed for this entry");
        }
        if (e.liquidationDate == null && body.filedOn().isBefore(liquidated)) {
            throw Problems.conflict("the entry was not liquidated on " + body.filedOn() + "; it is deemed liquidated on " + liquidated
                    + " (1 year after entry, 19 U.S.C. 1504(a))");
        }
        if (body.filedOn().isBefore(liquidated) || body.filedOn().isAfter(store.today())) {
            throw Problems.badRequest("filedOn", "must be from the liquidation date " + liquidated + " to today");
        }
        if (body.filedOn().isAfter(liquidated.plusDays(Deadlines.PROTEST_DAYS))) {
            throw Problems.conflict("the protest window closed on " + liquidated.plusDays(Deadlines.PROTEST_DAYS)
                    + " (180 days after liquidation, 19 U.S.C. 1514(c)(3))");
        }
        EntryView.Protest protest = new EntryView.Protest(body.filedOn(), body.protestNumber(), body.reason(), null, null, null, null);
        e.protest = store.write(protest);
        e.status = from.after(EntryStatus.Move.PROTEST, true);
        store.event(e, "PROTEST", from, by, body.reason(), protest);
        return views.of(e);
    }

    /**
     * Final liquidation: CBP decided the protest, or the protest window passed without one; an ALLOWED decision may carry the
     * reliquidation ({@link #grant}).
     */
    @Transactional
    public EntryView finallyLiquidate(UUID id, EntryMoves.FinalLiquidation body, String org, String by) {
        CustomsEntry e = store.lock(id, org);
        EntryStatus from = Moves.require(e, EntryStatus.Move.FINALLY_LIQUIDATE);
        LocalDate liquidated = liquidatedOn(e, "a final liquidation");
        if (store.happened(e, "FINALLY_LIQUIDATE")) {
            throw Problems.conflict("the entry is already finally liquidated");
        }
        boolean protested = from == EntryStatus.PROTESTED;
        if (protested == body.decision().equals("NO_PROTEST")) {
            throw Problems.badRequest("decision", protested ? "must be ALLOWED or DENIED for a protested entry"
                    : "must be NO_PROTEST for an entry without a protest");
        }
        if (!protested && !body.decidedOn().isAfter(liquidated.plusDays(Deadlines.PROTEST_DAYS))) {
            throw Problems.conflict("the protest window is open until " + liquidated.plusDays(Deadlines.PROTEST_DAYS));
        }
        if (body.decidedOn().isBefore(liquidated) || body.decidedOn().isAfter(store.today())) {
            throw Problems.badRequest("decidedOn", "must be from the liquidation date " + liquidated + " to today");
        }
        EntryView.Protest p = store.read(e.protest, EntryView.Protest.class);
        if (p != null && body.decidedOn().isBefore(p.filedOn())) {
            throw Problems.badRequest("decidedOn", "must not be before the protest was filed on " + p.filedOn());
        }
        List<EntryView.LayerChange> lowered = grant(e, body);
        if (p != null) {
            BigDecimal due = lowered.stream().map(c -> c.difference().negate()).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            e.protest = store.write(new EntryView.Protest(p.filedOn(), p.protestNumber(), p.reason(), body.decidedOn(), body.decision(),
                    lowered.isEmpty() ? null : lowered, lowered.isEmpty() ? null : due));
        }
        e.status = from.after(EntryStatus.Move.FINALLY_LIQUIDATE, true);
        store.event(e, "FINALLY_LIQUIDATE", from, by, body.reason(), body);
        return views.of(e);
    }

    /**
     * CBP asserts another origin: every line is re-computed by the engine for it; the duty difference
     * per layer (asserted minus declared) plus the interest CBP billed is the supplementary bill; a layer it
     * lowers is a credit (CREDITED, {@link AuditBills}), claimable as an ORIGIN_AUDIT refund ({@link RefundClaims}). IEEPA duty the
     * audit bills makes the entry one with IEEPA duty (CAPE, the IEEPA refund list), as if it had been declared.
     */
    @Transactional
    public EntryView originAudit(UUID id, EntryMoves.NewOriginAudit body, String org, String by) {
        CustomsEntry e = store.lock(id, org);
        EntryStatus from = Moves.require(e, EntryStatus.Move.ORIGIN_AUDIT);
        if (body.noticeDate().isBefore(e.entryDate) || body.noticeDate().isAfter(store.today())) {
            throw Problems.badRequest("noticeDate", "must be from the date of entry " + e.entryDate + " to today");
        }
        if (!engine.covers(body.assertedOrigin())) {
            throw Problems.unprocessable("assertedOrigin", "the duty schedule names no measure for origin " + body.assertedOrigin()
                    + "; the duty for it cannot be computed");
        }
        SummaryView summary = store.summary(e);
        List<SummaryInput.Line> lines = summary.lines().stream().map(l -> new SummaryInput.Line(l.htsCode(), l.originCountry(),
                l.customsValue(), l.quantity(), l.usContentPercent(), l.manufacturer(), List.of())).toList();
        Quotation asserted = engine.quote(e.entryDate, e.exportDate, e.transportMode, lines, body.assertedOrigin());
        List<EntryView.OriginAudit> audits = new ArrayList<>(store.readList(e.originAudits, EntryView.OriginAudit.class));
        if (audits.stream().anyMatch(a -> a.assertedOrigin().equals(body.assertedOrigin()) && a.noticeDate().equals(body.noticeDate()))) {
            throw Problems.conflict("an origin audit to " + body.assertedOrigin() + " noticed on " + body.noticeDate()
                    + " is already recorded");
        }
        Map<String, EntryView.LayerChange> changes = new LinkedHashMap<>();
        // against what is owed now (declared, a last audit's bill, a liquidation, a CAPE refund received), never the declared duty again
        owedLayers(e, summary).values().stream().filter(c -> !AllocationTable.isFee(c.program())).forEach(c -> changes.put(
                Comparison.key(c.program(), c.heading()),
                new EntryView.LayerChange(c.program(), c.heading(), c.before(), BigDecimal.ZERO.setScale(2), c.before().negate())));
        asserted.lines().forEach(l -> l.parts().forEach(p -> p.layers().forEach(a -> changes.merge(
                Comparison.key(a.program().name(), a.heading()),
                new EntryView.LayerChange(a.program().name(), a.heading(), BigDecimal.ZERO.setScale(2), a.amount(), a.amount()),
                EntryLifecycle::add))));
        List<EntryView.LayerChange> layers = changes.values().stream().filter(c -> c.difference().signum() != 0
                || c.before().signum() != 0).toList();
        BigDecimal difference = layers.stream().map(EntryView.LayerChange::difference).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        List<String> declaredOrigins = summary.lines().stream().map(SummaryView.LineView::originCountry).distinct().toList();
        EntryView.OriginAudit audit = new EntryView.OriginAudit(body.assertedOrigin(), declaredOrigins, body.noticeDate(),
                body.reason(), layers, difference, body.interest(), difference.add(body.interest()), by, store.now());
        audits.add(audit);
        e.originAudits = store.write(audits);
        // each 7501 line is billed its own difference, on the order lines of that line only
        store.ledger(e, AuditBills.rows(summary, owed.lineChanges(e, summary), asserted));
        if (body.interest().signum() > 0) {
            Ledger ledger = Ledger.of(summary);
            store.ledger(e, ledger.spread("BILLED", "INTEREST", "", body.interest(), ledger.summaryRows(summary)));
        }
        // the IEEPA duty owed now (Owed reads the BILLED rows just written), e.g. 9903.01.24 of an audit to China
        e.hasIeepa = e.hasIeepa || !owed.ieepaByHeading(e, summary).isEmpty();
        store.event(e, "ORIGIN_AUDIT", from, by, body.reason(), audit);
        return views.of(e);
    }

    /**
     * The liquidation that counts: CBP's, else the deemed one a year after entry once that has passed
     * (19 U.S.C. 1504(a), which opens the protest window like an actual one, 19 U.S.C. 1514(c)(3)).
     */
    private LocalDate liquidatedOn(CustomsEntry e, String what) {
        LocalDate liquidated = Deadlines.liquidation(e.entryDate, e.liquidationDate, store.today());
        if (liquidated == null) {
            throw Problems.conflict(what + " needs a liquidation; the entry is not liquidated yet (deemed liquidated on "
                    + Deadlines.deemedLiquidation(e.entryDate) + ")");
        }
        return liquidated;
    }

    private void bill(CustomsEntry e, SummaryView summary, List<EntryView.LayerChange> changes) {
        Ledger ledger = Ledger.of(summary);
        List<Ledger.Row> declared = ledger.summaryRows(summary);
        for (EntryView.LayerChange c : changes) {
            store.ledger(e, ledger.spread("BILLED", c.program(), c.heading() == null ? "" : c.heading(), c.difference(), declared));
        }
    }

    /** What is owed now per layer and fee of the whole entry ({@link Owed#now}), keyed like {@link Comparison#key}, unchanged. */
    private Map<String, EntryView.LayerChange> owedLayers(CustomsEntry e, SummaryView summary) {
        Map<String, EntryView.LayerChange> out = new LinkedHashMap<>();
        owed.now(e, summary).values().forEach(c -> out.put(Comparison.key(c.program(), c.heading()),
                new EntryView.LayerChange(c.program(), c.heading(), c.amount(), c.amount(), BigDecimal.ZERO.setScale(2))));
        return out;
    }

    private static EntryView.LayerChange add(EntryView.LayerChange a, EntryView.LayerChange b) {
        return new EntryView.LayerChange(a.program(), a.heading(), a.before().add(b.before()), a.after().add(b.after()),
                a.difference().add(b.difference()));
    }
}

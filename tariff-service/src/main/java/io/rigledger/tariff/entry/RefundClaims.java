package io.rigledger.tariff.entry;

import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.allocation.AllocationTable;
import io.rigledger.tariff.allocation.LargestRemainder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The refund claims of an entry (several per entry, each with its basis): CAPE (the IEEPA duty still owed per
 * heading, refundable after Learning Resources v. Trump, CSMS 67834313; 19 U.S.C. 1505(c) interest), LIQUIDATION
 * (what a liquidation lowered, 19 U.S.C. 1504) and ORIGIN_AUDIT (what an origin audit lowered: an excessive deposit,
 * 19 U.S.C. 1520(a)(1)). Each claim claims what its basis leaves unclaimed per heading (a fee or a layer without
 * heading by its program), is received once (principal and interest apart) and reconciled against what it claimed.
 * No claim may bring the principal refunded on the entry above what was paid for it (409 naming the amount).
 */
@ApplicationScoped
public class RefundClaims {

    public static final String CAPE = "CAPE";
    public static final String LIQUIDATION = "LIQUIDATION";
    public static final String ORIGIN_AUDIT = "ORIGIN_AUDIT";
    private static final List<String> KINDS = List.of(CAPE, LIQUIDATION, ORIGIN_AUDIT);

    @Inject
    EntryStore store;

    @Inject
    EntryViews views;

    @Inject
    Owed owed;

    /** The entry's refund claims in the order requested. */
    public List<EntryView.Refund> of(CustomsEntry e) {
        return store.readList(e.refunds, EntryView.Refund.class);
    }

    /**
     * What a claim of {@code kind} could claim now per heading (USD, more than 0, in the order of the basis): CAPE
     * {@link #capeClaimable} less what an open CAPE claim claims; LIQUIDATION the liquidation's decreases; ORIGIN_AUDIT
     * what each origin audit that lowered the duty in all lowered it by ({@link #credit}; an audit that raised it in all
     * is a bill against which CBP nets its decreases); each less what earlier claims of that kind claimed.
     */
    public Map<String, BigDecimal> claimable(CustomsEntry e, SummaryView summary, String kind) {
        Map<String, BigDecimal> basis = new LinkedHashMap<>();
        if (kind.equals(CAPE)) {
            basis.putAll(capeClaimable(owed.ieepaByHeading(e, summary), of(e)));
        } else if (kind.equals(LIQUIDATION)) {
            EntryView.Liquidation l = store.read(e.liquidation, EntryView.Liquidation.class);
            if (l != null) {
                l.layers().forEach(c -> decrease(basis, c));
            }
        } else {
            store.readList(e.originAudits, EntryView.OriginAudit.class).stream().filter(a -> a.dutyDifference().signum() < 0)
                    .forEach(a -> credit(basis, a));
        }
        // a CAPE refund received is already off the IEEPA duty owed; every other claim of the kind is taken off here
        of(e).stream().filter(r -> r.kind().equals(kind) && (!kind.equals(CAPE) || r.receivedOn() == null))
                .forEach(r -> r.claimed().forEach(h -> basis.merge(h.heading(), h.amount().negate(), BigDecimal::add)));
        basis.values().removeIf(a -> a.signum() <= 0);
        return basis;
    }

    /**
     * The IEEPA duty a new CAPE claim can claim per heading (USD, more than 0): what is owed ({@link Owed#ieepaByHeading},
     * which a CAPE refund received lowered by its principal) less the shortfall of every CAPE claim received on the
     * heading: CBP removed the IEEPA lines it refunded, so what it did not pay back is no new CAPE claim (it stays owed,
     * listed as the claim's shortfall, for a protest); IEEPA duty billed later (an origin audit) can be claimed again.
     */
    public static Map<String, BigDecimal> capeClaimable(Map<String, BigDecimal> ieepaOwed, List<EntryView.Refund> claims) {
        Map<String, BigDecimal> out = new LinkedHashMap<>(ieepaOwed);
        claims.stream().filter(r -> r.kind().equals(CAPE) && r.receivedOn() != null).forEach(r -> {
            Map<String, BigDecimal> principal = principalByHeading(r, r.principal());
            r.claimed().forEach(h -> out.computeIfPresent(h.heading(), (k, a) -> a.subtract(h.amount().subtract(principal.get(k)))));
        });
        out.values().removeIf(a -> a.signum() <= 0);
        return out;
    }

    /** {@code principal} over a claim's headings in proportion to what each claimed (largest remainder), as the ledger books it. */
    static Map<String, BigDecimal> principalByHeading(EntryView.Refund r, BigDecimal principal) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        List<BigDecimal> parts = r.claimedTotal().signum() == 0 ? r.claimed().stream().map(h -> BigDecimal.ZERO.setScale(2)).toList()
                : LargestRemainder.split(principal, r.claimed().stream().map(EntryView.HeadingAmount::amount).toList());
        for (int i = 0; i < parts.size(); i++) {
            out.merge(r.claimed().get(i).heading(), parts.get(i), BigDecimal::add);
        }
        return out;
    }

    /** What each kind of claim could claim now ({@link #claimable}), heading by heading; nothing while the entry is unpaid (FILED). */
    public List<EntryView.Refundable> refundable(CustomsEntry e, SummaryView summary) {
        List<EntryView.Refundable> out = new ArrayList<>();
        if (e.status == EntryStatus.FILED) {
            return out;
        }
        for (String kind : KINDS) {
            if (kind.equals(CAPE) && !e.hasIeepa) {
                continue;
            }
            claimable(e, summary, kind).forEach((h, a) -> out.add(new EntryView.Refundable(kind, h, a.setScale(2))));
        }
        return out;
    }

    /**
     * Requests a refund claim: CAPE (only when eligible, {@link Cape}), LIQUIDATION or ORIGIN_AUDIT, claiming
     * {@link #claimable} of its kind; another claim of the same kind may not be open.
     *
     * @throws io.rigledger.platform.problem.ProblemException 409 when the status allows no request, a claim of the kind
     *         is open, CAPE is not eligible, or nothing is left to claim (naming what was claimed before); 400 naming
     *         requestedOn outside the date of entry to today
     */
    @Transactional
    public EntryView request(UUID id, EntryMoves.RefundRequest body, String org, String by) {
        CustomsEntry e = store.lock(id, org);
        EntryStatus from = Moves.require(e, EntryStatus.Move.REQUEST_REFUND);
        List<EntryView.Refund> claims = new ArrayList<>(of(e));
        claims.stream().filter(r -> r.kind().equals(body.kind()) && r.receivedOn() == null).findFirst().ifPresent(r -> {
            throw Problems.conflict("a refund was already requested on " + r.requestedOn() + " (" + r.kind() + " claim " + r.claim()
                    + ", not received yet)");
        });
        SummaryView summary = store.summary(e);
        Map<String, BigDecimal> claimable = claimable(e, summary, body.kind());
        if (body.kind().equals(CAPE)) {
            List<String> whyNot = Cape.whyNot(Cape.of(e, claims, owed.ieepaByHeading(e, summary)), body.requestedOn());
            if (!whyNot.isEmpty()) {
                throw Problems.conflict("the entry is not eligible for CAPE: " + String.join("; ", whyNot));
            }
        } else if (claimable.isEmpty()) {
            BigDecimal before = claims.stream().filter(r -> r.kind().equals(body.kind())).map(EntryView.Refund::claimedTotal)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            throw Problems.conflict("no refund is due from " + (body.kind().equals(LIQUIDATION) ? "liquidation" : "an origin audit")
                    + (before.signum() > 0 ? ": its " + before + " was claimed already" : ""));
        }
        if (body.requestedOn().isBefore(e.entryDate) || body.requestedOn().isAfter(store.today())) {
            throw Problems.badRequest("requestedOn", "must be from the date of entry " + e.entryDate + " to today");
        }
        List<EntryView.HeadingAmount> claimed = new ArrayList<>();
        claimable.forEach((h, a) -> claimed.add(new EntryView.HeadingAmount(h, a.setScale(2))));
        BigDecimal total = claimed.stream().map(EntryView.HeadingAmount::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        EntryView.Refund refund = new EntryView.Refund(claims.size() + 1, body.kind(), body.requestedOn(), body.reason(), claimed, total,
                null, null, null, null, null);
        claims.add(refund);
        e.refunds = store.write(claims);
        e.status = from.after(EntryStatus.Move.REQUEST_REFUND, true);
        store.event(e, "REQUEST_REFUND", from, by, body.reason(), refund);
        return views.of(e);
    }

    /**
     * Records a refund received for one open claim ({@code claim}, or the only open one), whatever the customs status
     * then; principal over the claimed headings in proportion (largest remainder), interest apart. A CAPE principal comes
     * off what each 7501 line owes of the heading now ({@link Owed#decrease}: REFUNDED rows and their negation, REMOVED);
     * a LIQUIDATION or ORIGIN_AUDIT principal was taken off owed by the decrease itself (LIQUIDATED, CREDITED) and is only
     * REFUNDED. The entry is REFUNDED from REFUND_REQUESTED once no claim is open.
     *
     * @throws io.rigledger.platform.problem.ProblemException 409 when no claim is open or the named one was received, when
     *         a CAPE heading's share exceeds the IEEPA duty still owed on it, or when the principal refunded on the entry
     *         would exceed what was paid (naming principal); 400 naming claim (unknown, or several open and none named),
     *         principal above the claim, receivedOn outside the request date to today
     */
    @Transactional
    public EntryView record(UUID id, EntryMoves.RefundReceived body, String org, String by) {
        CustomsEntry e = store.lock(id, org);
        EntryStatus from = Moves.require(e, EntryStatus.Move.RECORD_REFUND);
        List<EntryView.Refund> claims = new ArrayList<>(of(e));
        int at = claimAt(claims, body.claim());
        EntryView.Refund r = claims.get(at);
        if (body.receivedOn().isBefore(r.requestedOn()) || body.receivedOn().isAfter(store.today())) {
            throw Problems.badRequest("receivedOn", "must be from the request date " + r.requestedOn() + " to today");
        }
        if (body.principal().compareTo(r.claimedTotal()) > 0) {
            throw Problems.badRequest("principal", "must not exceed the " + r.claimedTotal() + " claimed");
        }
        List<EntryView.Payment> payments = store.readList(e.payments, EntryView.Payment.class);
        BigDecimal paid = payments.stream().map(EntryView.Payment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal refunded = claims.stream().filter(c -> c.principal() != null).map(EntryView.Refund::principal)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (refunded.add(body.principal()).compareTo(paid) > 0) {
            throw Problems.conflict(List.of(new Problem.Violation("principal", "would bring the principal refunded on this entry to "
                    + refunded.add(body.principal()) + ", above the " + paid + " paid (" + refunded + " refunded before)")));
        }
        store.ledger(e, rows(e, r, body));
        EntryView.Refund done = new EntryView.Refund(r.claim(), r.kind(), r.requestedOn(), r.reason(), r.claimed(), r.claimedTotal(),
                body.receivedOn(), body.principal(), body.interest(), body.reference(), r.claimedTotal().subtract(body.principal()));
        claims.set(at, done);
        e.refunds = store.write(claims);
        boolean open = claims.stream().anyMatch(c -> c.receivedOn() == null);
        e.status = from == EntryStatus.REFUND_REQUESTED && !open ? EntryStatus.REFUNDED : from;
        store.event(e, "RECORD_REFUND", from, by, "refund " + body.reference(), done);
        return views.of(e);
    }

    /** The index of the claim a receipt is for: the named one, else the only open one. */
    private static int claimAt(List<EntryView.Refund> claims, Integer claim) {
        if (claims.isEmpty()) {
            throw Problems.conflict("no refund was requested for this entry");
        }
        if (claim != null) {
            if (claim > claims.size()) {
                throw Problems.badRequest("claim", "the entry has no refund claim " + claim + " (claims 1 to " + claims.size() + ")");
            }
            EntryView.Refund r = claims.get(claim - 1);
            if (r.receivedOn() != null) {
                throw Problems.conflict("the refund of claim " + claim + " was already received on " + r.receivedOn());
            }
            return claim - 1;
        }
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            if (claims.get(i).receivedOn() == null) {
                open.add(i);
            }
        }
        if (open.isEmpty()) {
            throw Problems.conflict("the refund was already received on " + claims.get(claims.size() - 1).receivedOn());
        }
        if (open.size() > 1) {
            throw Problems.badRequest("claim", "several refund claims are open (" + String.join(", ", open.stream()
                    .map(i -> claims.get(i).claim() + " " + claims.get(i).kind()).toList()) + "); name the one received");
        }
        return open.get(0);
    }

    /** The ledger rows of a refund received for claim {@code r}. */
    private List<Ledger.Row> rows(CustomsEntry e, EntryView.Refund r, EntryMoves.RefundReceived body) {
        SummaryView summary = store.summary(e);
        Ledger ledger = Ledger.of(summary);
        List<Ledger.Row> declared = ledger.summaryRows(summary);
        Map<String, AllocationTable.Change> owedNow = owed.now(e, summary);
        boolean cape = r.kind().equals(CAPE);
        List<AllocationTable.LineChange> owedChanges = cape ? owed.lineChanges(e, summary) : List.of();
        List<Ledger.Row> rows = new ArrayList<>();
        if (body.principal().signum() > 0 && r.claimedTotal().signum() > 0) {
            List<BigDecimal> parts = LargestRemainder.split(body.principal(), r.claimed().stream().map(EntryView.HeadingAmount::amount).toList());
            Map<String, BigDecimal> stillOwed = cape ? Owed.ieepaByHeading(owedNow) : Map.of();
            for (int i = 0; i < parts.size(); i++) {
                String heading = r.claimed().get(i).heading();
                if (cape && parts.get(i).compareTo(stillOwed.getOrDefault(heading, BigDecimal.ZERO)) > 0) {
                    // an origin audit or a liquidation since the claim lowered the heading: no owed layer below 0
                    throw Problems.conflict("the principal's " + parts.get(i) + " for " + heading + " exceeds the "
                            + stillOwed.getOrDefault(heading, BigDecimal.ZERO.setScale(2)) + " of IEEPA duty still owed on it");
                }
                String program = programOf(owedNow, heading);
                String layerHeading = AllocationTable.isFee(program) ? "" : heading;
                if (cape) {
                    // a CAPE refund comes off what each 7501 line owes of the heading now, not what each declared
                    List<Ledger.Row> refunded = Owed.decrease(summary, owedChanges, "REFUNDED", program, layerHeading, parts.get(i));
                    rows.addAll(refunded);
                    refunded.forEach(x -> rows.add(new Ledger.Row(Owed.REMOVED, x.program(), x.heading(), x.cell(), x.amount().negate())));
                } else {
                    rows.addAll(ledger.spread("REFUNDED", program, layerHeading, parts.get(i), declared));
                }
            }
        }
        if (body.interest().signum() > 0) {
            rows.addAll(ledger.spread("REFUNDED", "INTEREST", "", body.interest(), declared));
        }
        return rows;
    }

    /** A decrease of a liquidation or an origin audit (difference below 0) added to {@code basis}, by heading or, without one, program. */
    private static void decrease(Map<String, BigDecimal> basis, EntryView.LayerChange c) {
        if (c.difference().signum() < 0) {
            basis.merge(c.heading() == null || c.heading().isEmpty() ? c.program() : c.heading(), c.difference().negate(), BigDecimal::add);
        }
    }

    /**
     * The credit of an origin audit that lowered the duty in all (its duty difference below 0, USD) added to {@code basis}
     * by heading: the net decrease over the layers it lowered, in proportion to how much it lowered each (largest
     * remainder), so the headings add up to the credit.
     */
    private static void credit(Map<String, BigDecimal> basis, EntryView.OriginAudit audit) {
        List<EntryView.LayerChange> lowered = audit.layers().stream().filter(c -> c.difference().signum() < 0).toList();
        List<BigDecimal> parts = LargestRemainder.split(audit.dutyDifference().negate(), lowered.stream().map(c -> c.difference().negate()).toList());
        for (int i = 0; i < lowered.size(); i++) {
            EntryView.LayerChange c = lowered.get(i);
            basis.merge(c.heading() == null || c.heading().isEmpty() ? c.program() : c.heading(), parts.get(i), BigDecimal::add);
        }
    }

    /**
     * The program of a claimed heading (or fee): as declared, or, for a heading only an origin audit brought
     * (9903.01.24, IEEPA_FENTANYL for China), as the engine's rule tables gave it in the audit ({@link Owed#now}).
     */
    private static String programOf(Map<String, AllocationTable.Change> owedNow, String heading) {
        if (AllocationTable.isFee(heading)) {
            return heading;
        }
        return owedNow.values().stream().filter(c -> heading.equals(c.heading())).map(AllocationTable.Change::program).findFirst()
                .orElseThrow(() -> new IllegalStateException("claimed heading " + heading + " is no layer of the entry"));
    }
}

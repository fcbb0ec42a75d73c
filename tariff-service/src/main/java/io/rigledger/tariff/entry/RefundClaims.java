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
 * (what a liquidation lowered, 19 U.S.C. 1504), ORIGIN_AUDIT (what an origin audit changed: an excessive deposit,
 * 19 U.S.C. 1520(a)(1)) and PROTEST (what the reliquidation of a protest CBP allowed lowered, 19 U.S.C. 1514 and 1515(a),
 * refunded with interest under 19 U.S.C. 1505(c)). Each claim claims what its basis leaves unclaimed per heading (a fee
 * or a layer without heading by its program), is received once (principal and interest apart, the principal per heading
 * capped by {@link RefundRows}) and reconciled against what it claimed. No claim may bring the principal refunded on the
 * entry above what was paid for it (409 naming the amount).
 */
@ApplicationScoped
public class RefundClaims {

    public static final String CAPE = "CAPE";
    public static final String LIQUIDATION = "LIQUIDATION";
    public static final String ORIGIN_AUDIT = "ORIGIN_AUDIT";
    public static final String PROTEST = "PROTEST";
    private static final List<String> KINDS = List.of(CAPE, LIQUIDATION, ORIGIN_AUDIT, PROTEST);

    @Inject
    EntryStore store;

    @Inject
    EntryViews views;

    @Inject
    Owed owed;

    @Inject
    RefundRows refundRows;

    /** The entry's refund claims in the order requested. */
    public List<EntryView.Refund> of(CustomsEntry e) {
        return store.readList(e.refunds, EntryView.Refund.class);
    }

    /**
     * What a claim of {@code kind} could claim now per heading (USD, more than 0 but an ORIGIN_AUDIT claim's netted headings,
     * in the order of the basis): {@link #claimableNow}'s capped amounts.
     */
    public Map<String, BigDecimal> claimable(CustomsEntry e, SummaryView summary, String kind) {
        return claimableNow(e, kind, Books.of(this, e, summary, of(e))).claimable();
    }

    /**
     * What an entry's caps are worked out from, read once for every kind a call looks at: its refund claims, what it owes
     * now per layer ({@link Owed#now}, USD) and its DECLARED, PAID and REFUNDED ledger sums ({@link EntryStore#ledgerSums}).
     */
    record Books(List<EntryView.Refund> claims, Map<String, AllocationTable.Change> owedNow, List<EntryStore.LayerSum> sums) {

        static Books of(RefundClaims c, CustomsEntry e, SummaryView summary, List<EntryView.Refund> claims) {
            return new Books(claims, c.owed.now(e, summary), c.store.ledgerSums(e, List.of("DECLARED", "PAID", "REFUNDED")));
        }

        /** What was paid in excess per claim key ({@link ExcessPaid#of}), netted unless for an ORIGIN_AUDIT claim. */
        Map<String, BigDecimal> excess(String kind) {
            return ExcessPaid.of(sums, owedNow, claims, !kind.equals(ORIGIN_AUDIT));
        }
    }

    /**
     * What a claim of one kind could claim: {@code basis} per heading before the cap, {@code claimable} after it, and
     * {@code cap}, the most the claim may claim in total (USD, 0 or more). Money, HALF_UP never needed: every amount is cents.
     */
    public record Claimable(Map<String, BigDecimal> basis, Map<String, BigDecimal> claimable, BigDecimal cap) {
    }

    /**
     * What a claim of {@code kind} could claim now per heading, its basis: CAPE {@link #capeClaimable} less what an open
     * CAPE claim claims; LIQUIDATION, on each heading the liquidation changed, what was paid on it in excess of what it owes
     * now ({@link ExcessPaid}) less the shortfall of earlier LIQUIDATION claims received on it; PROTEST the decreases of the
     * reliquidation of a protest CBP allowed; ORIGIN_AUDIT what each origin audit that lowered the duty in all changed per
     * heading ({@link #credit}: a lowered heading by its decrease, a raised one negative, netted, so the headings add up to
     * the credit); CAPE, PROTEST and ORIGIN_AUDIT each less what earlier claims of that kind claimed. Then capped by what was
     * paid in excess (19 U.S.C. 1505(b), {@link ExcessPaid}): per heading at most its excess (for CAPE after the IEEPA duty the
     * claim removes), and in total at most the entry's excess (the sum over every heading, an unpaid bill on one heading
     * netting the excess on another), the positive headings lowered in proportion (largest remainder) when the total is over.
     * A bill reversed or cancelled before it was paid leaves no excess, so nothing of it is claimable. ORIGIN_AUDIT keeps its
     * netted headings while the claim is above 0 (else nothing), every other kind keeps the headings above 0.
     */
    Claimable claimableNow(CustomsEntry e, String kind, Books books) {
        List<EntryView.Refund> claims = books.claims();
        Map<String, BigDecimal> excess = books.excess(kind);
        Map<String, BigDecimal> basis = new LinkedHashMap<>();
        if (kind.equals(CAPE)) {
            basis.putAll(capeClaimable(Owed.ieepaByHeading(books.owedNow()), claims));
        } else if (kind.equals(LIQUIDATION)) {
            EntryView.Liquidation l = store.read(e.liquidation, EntryView.Liquidation.class);
            if (l != null) {
                l.layers().stream().filter(c -> c.difference().signum() != 0).map(c -> ExcessPaid.key(c.program(), c.heading()))
                        .forEach(h -> basis.put(h, excess.getOrDefault(h, BigDecimal.ZERO).max(BigDecimal.ZERO)));
            }
            claims.stream().filter(r -> r.kind().equals(LIQUIDATION) && r.receivedOn() != null).forEach(r -> {
                Map<String, BigDecimal> principal = received(r);
                r.claimed().forEach(h -> basis.computeIfPresent(h.heading(),
                        (k, a) -> a.subtract(h.amount().subtract(principal.getOrDefault(k, BigDecimal.ZERO)))));
            });
        } else if (kind.equals(PROTEST)) {
            EntryView.Protest p = store.read(e.protest, EntryView.Protest.class);
            if (p != null && p.layers() != null) {
                p.layers().forEach(c -> decrease(basis, c));
            }
        } else {
            store.readList(e.originAudits, EntryView.OriginAudit.class).stream().filter(a -> a.dutyDifference().signum() < 0)
                    .forEach(a -> credit(basis, a));
        }
        // a CAPE refund received is already off the IEEPA duty owed; every other claim of the kind is taken off here
        // (LIQUIDATION: its excess is already less what was refunded and what open claims claim)
        claims.stream().filter(r -> r.kind().equals(kind) && !kind.equals(LIQUIDATION) && (!kind.equals(CAPE) || r.receivedOn() == null))
                .forEach(r -> r.claimed().forEach(h -> basis.merge(h.heading(), h.amount().negate(), BigDecimal::add)));
        if (kind.equals(CAPE)) {
            // the claim removes the IEEPA duty it claims from what is owed (REMOVED rows once received)
            basis.forEach((h, a) -> excess.merge(h, a.max(BigDecimal.ZERO), BigDecimal::add));
        }
        BigDecimal cap = ExcessPaid.total(excess).max(BigDecimal.ZERO.setScale(2));
        Map<String, BigDecimal> capped = new LinkedHashMap<>();
        basis.forEach((h, a) -> capped.put(h, a.signum() < 0 ? a : a.min(excess.getOrDefault(h, BigDecimal.ZERO).max(BigDecimal.ZERO))));
        capped.putAll(within(capped, cap));
        if (kind.equals(ORIGIN_AUDIT)) {
            capped.values().removeIf(a -> a.signum() == 0);
            if (capped.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).signum() <= 0) {
                capped.clear();
            }
        } else {
            capped.values().removeIf(a -> a.signum() <= 0);
        }
        basis.values().removeIf(a -> a.signum() <= 0);
        return new Claimable(basis, capped, cap);
    }

    /**
     * {@code claim} per heading brought within {@code total} (USD): unchanged when its sum is at most {@code total}, else its
     * positive headings lowered in proportion (largest remainder) so the sum is {@code total}, netted (negative) headings kept.
     */
    static Map<String, BigDecimal> within(Map<String, BigDecimal> claim, BigDecimal total) {
        BigDecimal sum = claim.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) <= 0) {
            return claim;
        }
        List<String> positive = claim.keySet().stream().filter(h -> claim.get(h).signum() > 0).toList();
        BigDecimal netted = claim.values().stream().filter(a -> a.signum() < 0).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> out = new LinkedHashMap<>(claim);
        List<BigDecimal> parts = LargestRemainder.split(total.subtract(netted), positive.stream().map(claim::get).toList());
        for (int i = 0; i < positive.size(); i++) {
            out.put(positive.get(i), parts.get(i).setScale(2));
        }
        return out;
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
            Map<String, BigDecimal> principal = received(r);
            r.claimed().forEach(h -> out.computeIfPresent(h.heading(), (k, a) -> a.subtract(h.amount().subtract(principal.get(k)))));
        });
        out.values().removeIf(a -> a.signum() <= 0);
        return out;
    }

    /**
     * The principal a received claim booked per heading: as recorded ({@code received}), or, for a claim received before
     * the principal was kept per heading, its principal over the claimed headings as the ledger booked it then.
     */
    static Map<String, BigDecimal> received(EntryView.Refund r) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        if (r.received() != null) {
            r.received().forEach(h -> out.merge(h.heading(), h.amount(), BigDecimal::add));
            return out;
        }
        return r.claimedTotal().signum() == 0 ? out : RefundRows.principal(r, r.principal(), null);
    }

    /** What each kind of claim could claim now ({@link #claimable}), heading by heading; nothing while the entry is unpaid (FILED). */
    public List<EntryView.Refundable> refundable(CustomsEntry e, SummaryView summary) {
        List<EntryView.Refundable> out = new ArrayList<>();
        if (e.status == EntryStatus.FILED) {
            return out;
        }
        Books books = Books.of(this, e, summary, of(e));
        for (String kind : KINDS) {
            if (kind.equals(CAPE) && !e.hasIeepa) {
                continue;
            }
            claimableNow(e, kind, books).claimable().forEach((h, a) -> out.add(new EntryView.Refundable(kind, h, a.setScale(2))));
        }
        return out;
    }

    /**
     * Requests a refund claim: CAPE (only when eligible, {@link Cape}), LIQUIDATION, ORIGIN_AUDIT or PROTEST, claiming
     * {@link #claimable} of its kind, or {@code amount} of it (over its headings in proportion, {@link #within}); another claim
     * of the same kind may not be open.
     *
     * @throws io.rigledger.platform.problem.ProblemException 409 when the status allows no request, a claim of the kind
     *         is open, CAPE is not eligible, or the kind's basis is empty (naming what was claimed before); 422 naming kind
     *         when its basis is left with nothing paid in excess, 422 naming amount above what may be claimed (the cap in
     *         USD, 19 U.S.C. 1505(b)); 400 naming requestedOn outside the date of entry to today
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
        Books books = Books.of(this, e, summary, claims);
        Claimable now = claimableNow(e, body.kind(), books);
        Map<String, BigDecimal> claimable = now.claimable();
        if (body.kind().equals(CAPE)) {
            List<String> whyNot = Cape.whyNot(Cape.of(e, claims, Owed.ieepaByHeading(books.owedNow())), body.requestedOn());
            if (!whyNot.isEmpty()) {
                throw Problems.conflict("the entry is not eligible for CAPE: " + String.join("; ", whyNot));
            }
        } else if (body.kind().equals(PROTEST) && !allowed(e)) {
            throw Problems.conflict("a PROTEST refund needs a protest CBP allowed (19 U.S.C. 1515(a)); the entry's protest is "
                    + protestState(e));
        } else if (now.basis().isEmpty()) {
            BigDecimal before = claims.stream().filter(r -> r.kind().equals(body.kind())).map(EntryView.Refund::claimedTotal)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            throw Problems.conflict("no refund is due from " + BASIS_NAMES.get(body.kind())
                    + (before.signum() > 0 ? ": its " + before + " was claimed already" : ""));
        }
        if (body.requestedOn().isBefore(e.entryDate) || body.requestedOn().isAfter(store.today())) {
            throw Problems.badRequest("requestedOn", "must be from the date of entry " + e.entryDate + " to today");
        }
        BigDecimal most = claimable.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add).setScale(2);
        if (claimable.isEmpty()) {
            throw Problems.unprocessable("kind", "nothing was paid in excess to claim as " + body.kind() + ": at most 0.00 USD may be"
                    + " claimed (what was paid and not refunded less what is owed, " + now.cap() + " USD over the entry; a bill never"
                    + " paid that CBP reversed or cancelled returns no money; 19 U.S.C. 1505(b))");
        }
        if (body.amount() != null) {
            if (body.amount().compareTo(most) > 0) {
                throw Problems.unprocessable("amount", "the " + body.amount().setScale(2) + " claimed exceeds the " + most
                        + " USD that may be claimed as " + body.kind() + " (what was paid and not refunded less what is owed, per"
                        + " heading and in total; 19 U.S.C. 1505(b))");
            }
            claimable = within(claimable, body.amount().setScale(2));
            claimable.values().removeIf(a -> a.signum() == 0);
        }
        List<EntryView.HeadingAmount> claimed = new ArrayList<>();
        claimable.forEach((h, a) -> claimed.add(new EntryView.HeadingAmount(h, a.setScale(2))));
        BigDecimal total = claimed.stream().map(EntryView.HeadingAmount::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        EntryView.Refund refund = new EntryView.Refund(claims.size() + 1, body.kind(), body.requestedOn(), body.reason(), claimed, total,
                null, null, null, null, null, null);
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
     *         would exceed what was paid (naming principal); 422 naming principal above what the claim claimed; 400 naming
     *         claim (unknown, or several open and none named), receivedOn outside the request date to today
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
            throw Problems.unprocessable("principal", "the " + body.principal().setScale(2) + " received exceeds the " + r.claimedTotal()
                    + " USD claim " + r.claim() + " claimed (19 U.S.C. 1505(b) refunds the excess deposited; an over-refund is not"
                    + " recorded)");
        }
        List<EntryView.Payment> payments = store.readList(e.payments, EntryView.Payment.class);
        BigDecimal paid = payments.stream().map(EntryView.Payment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal refunded = claims.stream().filter(c -> c.principal() != null).map(EntryView.Refund::principal)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (refunded.add(body.principal()).compareTo(paid) > 0) {
            throw Problems.conflict(List.of(new Problem.Violation("principal", "would bring the principal refunded on this entry to "
                    + refunded.add(body.principal()) + ", above the " + paid + " paid (" + refunded + " refunded before)")));
        }
        Map<String, BigDecimal> principal = RefundRows.principal(r, body.principal(), body.headings());
        // what was paid in excess per heading with this claim received (no longer open)
        List<EntryView.Refund> others = new ArrayList<>(claims);
        others.remove(at);
        Map<String, BigDecimal> excess = Books.of(this, e, store.summary(e), others).excess(r.kind());
        store.ledger(e, refundRows.rows(e, r, principal, body.interest(), excess));
        List<EntryView.HeadingAmount> received = new ArrayList<>();
        principal.forEach((h, a) -> received.add(new EntryView.HeadingAmount(h, a)));
        EntryView.Refund done = new EntryView.Refund(r.claim(), r.kind(), r.requestedOn(), r.reason(), r.claimed(), r.claimedTotal(),
                body.receivedOn(), body.principal(), body.interest(), body.reference(), r.claimedTotal().subtract(body.principal()), received);
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

    /** A decrease of a liquidation or an origin audit (difference below 0) added to {@code basis}, by heading or, without one, program. */
    private static void decrease(Map<String, BigDecimal> basis, EntryView.LayerChange c) {
        if (c.difference().signum() < 0) {
            basis.merge(c.heading() == null || c.heading().isEmpty() ? c.program() : c.heading(), c.difference().negate(), BigDecimal::add);
        }
    }

    /**
     * The credit of an origin audit that lowered the duty in all (its duty difference below 0, USD) added to {@code basis}
     * by heading, exactly as the audit changed each layer (its CREDITED ledger rows): a lowered heading by its decrease, a
     * heading it raised negative (CBP nets it against the credit, 19 U.S.C. 1505(b)), so the headings add up to the credit
     * and a refund of it lowers each layer by what the audit lowered it.
     */
    private static void credit(Map<String, BigDecimal> basis, EntryView.OriginAudit audit) {
        audit.layers().stream().filter(c -> c.difference().signum() != 0).forEach(c -> basis.merge(
                c.heading() == null || c.heading().isEmpty() ? c.program() : c.heading(), c.difference().negate(), BigDecimal::add));
    }

    private static final Map<String, String> BASIS_NAMES = Map.of(LIQUIDATION, "liquidation", ORIGIN_AUDIT, "an origin audit",
            PROTEST, "the protest's reliquidation");

    /** Whether CBP allowed the entry's protest. */
    private boolean allowed(CustomsEntry e) {
        EntryView.Protest p = store.read(e.protest, EntryView.Protest.class);
        return p != null && "ALLOWED".equals(p.decision());
    }

    private String protestState(CustomsEntry e) {
        EntryView.Protest p = store.read(e.protest, EntryView.Protest.class);
        return p == null ? "not filed" : p.decision() == null ? "open (filed on " + p.filedOn() + ")" : p.decision() + " on " + p.decidedOn();
    }
}

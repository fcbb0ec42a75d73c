package io.rigledger.tariff.refund;

import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Paging;
import io.rigledger.tariff.entry.Cape;
import io.rigledger.tariff.entry.CustomsEntry;
import io.rigledger.tariff.entry.EntryNumber;
import io.rigledger.tariff.entry.EntryStore;
import io.rigledger.tariff.entry.EntryView;
import io.rigledger.tariff.entry.Owed;
import io.rigledger.tariff.entry.RefundClaims;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * An organisation's IEEPA refunds after Learning Resources v. Trump (CSMS 67834313): the entries
 * with refundable IEEPA duty (declared or billed by an origin audit), per heading what is still owed of it ({@link Owed}: less what a
 * liquidation lowered and a CAPE refund returned), with CAPE eligibility today
 * ({@link Cape}) and the refunds claimed and received; and the entry numbers eligible for CAPE.
 */
@ApplicationScoped
public class IeepaRefunds {

    @Inject
    RefundClaims claims;

    @Inject
    EntryStore store;

    @Inject
    Paging paging;

    @Inject
    Owed owed;

    /**
     * One page of the entries with IEEPA duty (declared or billed by an origin audit), by date of entry, then entry number (keyset:
     * the cursor carries the last row's entry date and entry number); totals are the sums of the
     * page's items.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming limit or cursor when malformed
     */
    @Transactional
    public IeepaRefundView list(String org, String limitText, String cursor) {
        int limit = paging.limit(limitText);
        CursorScope scope = CursorScope.of(org, "ieepa-refunds");
        CursorKey after = paging.after(cursor, 2, scope);
        List<CustomsEntry> rows;
        if (after == null) {
            rows = CustomsEntry.find("org = ?1 and hasIeepa = true order by entryDate, entryNumber", org).page(0, limit + 1).list();
        } else {
            LocalDate date;
            try {
                date = LocalDate.parse(after.text(0));
            } catch (DateTimeParseException ex) {
                throw Paging.invalidCursor();
            }
            rows = CustomsEntry.find("org = ?1 and hasIeepa = true and (entryDate > ?2 or (entryDate = ?2 and entryNumber > ?3))"
                    + " order by entryDate, entryNumber", org, date, after.text(1)).page(0, limit + 1).list();
        }
        var page = paging.page(rows, limit, scope, e -> new String[] {e.entryDate.toString(), e.entryNumber}, e -> e);
        LocalDate today = store.today();
        List<IeepaRefundView.Item> items = new ArrayList<>();
        BigDecimal[] t = {zero(), zero(), zero(), zero(), zero(), zero(), zero(), zero()};
        Map<UUID, Map<String, BigDecimal>> owedByEntry = owed.ieepaByHeading(page.items());
        for (CustomsEntry e : page.items()) {
            Map<String, BigDecimal> byHeading = owedByEntry.get(e.id);
            List<IeepaRefundView.Heading> headings = byHeading.entrySet().stream()
                    .map(h -> new IeepaRefundView.Heading(h.getKey(), h.getValue())).toList();
            BigDecimal refundable = byHeading.values().stream().reduce(zero(), BigDecimal::add);
            List<EntryView.Refund> refunds = claims.of(e);
            List<String> reasons = Cape.whyNot(Cape.of(e, refunds, byHeading), today);
            // every claim of the entry (CAPE, liquidation, origin audit), summed; null while none was claimed or received
            BigDecimal claimed = sum(refunds, EntryView.Refund::claimedTotal);
            BigDecimal principal = sum(refunds, EntryView.Refund::principal);
            BigDecimal interest = sum(refunds, EntryView.Refund::interest);
            BigDecimal shortfall = sum(refunds, EntryView.Refund::shortfall);
            List<EntryView.Refund> cape = refunds.stream().filter(r -> r.kind().equals(RefundClaims.CAPE)).toList();
            BigDecimal capeClaimed = sum(cape, EntryView.Refund::claimedTotal);
            BigDecimal capePrincipal = sum(cape, EntryView.Refund::principal);
            List<IeepaRefundView.ClaimsOfKind> byKind = new ArrayList<>();
            for (String kind : List.of(RefundClaims.CAPE, RefundClaims.LIQUIDATION, RefundClaims.ORIGIN_AUDIT, RefundClaims.PROTEST)) {
                List<EntryView.Refund> of = refunds.stream().filter(r -> r.kind().equals(kind)).toList();
                if (!of.isEmpty()) {
                    byKind.add(new IeepaRefundView.ClaimsOfKind(kind, sum(of, EntryView.Refund::claimedTotal), sum(of, EntryView.Refund::principal),
                            sum(of, EntryView.Refund::interest), sum(of, EntryView.Refund::shortfall)));
                }
            }
            items.add(new IeepaRefundView.Item(e.id, EntryNumber.display(e.entryNumber), e.entryDate, e.status.name(),
                    e.liquidationDate, headings, refundable, reasons.isEmpty(), reasons, claimed, principal, interest, shortfall,
                    capeClaimed, capePrincipal, byKind.isEmpty() ? null : byKind));
            t[6] = t[6].add(capeClaimed == null ? zero() : capeClaimed);
            t[7] = t[7].add(capePrincipal == null ? zero() : capePrincipal);
            t[0] = t[0].add(refundable);
            t[1] = t[1].add(reasons.isEmpty() ? refundable : zero());
            t[2] = t[2].add(claimed == null ? zero() : claimed);
            t[3] = t[3].add(principal == null ? zero() : principal);
            t[4] = t[4].add(interest == null ? zero() : interest);
            t[5] = t[5].add(shortfall == null ? zero() : shortfall);
        }
        return new IeepaRefundView(today, items, new IeepaRefundView.Totals(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]), page.nextCursor());
    }

    /** The entry numbers (11 characters, no hyphens) eligible for CAPE today (IEEPA duty still owed, {@link Cape}), by date of entry. */
    @Transactional
    public List<String> capeEntryNumbers(String org) {
        LocalDate today = store.today();
        List<CustomsEntry> entries = CustomsEntry.list("org = ?1 and hasIeepa = true order by entryDate, entryNumber", org);
        Map<UUID, Map<String, BigDecimal>> ieepa = owed.ieepaByHeading(entries);
        return entries.stream().filter(e -> Cape.whyNot(Cape.of(e, claims.of(e), ieepa.get(e.id)), today).isEmpty())
                .map(e -> e.entryNumber).toList();
    }

    /** The sum of one amount over the claims that have it, null when none has. */
    private static BigDecimal sum(List<EntryView.Refund> refunds, Function<EntryView.Refund, BigDecimal> amount) {
        return refunds.stream().map(amount).filter(a -> a != null).reduce(BigDecimal::add).orElse(null);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}

package io.rigledger.tariff.entry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Maps a stored entry to what the API answers (entities never leave the package's services). */
@ApplicationScoped
public class EntryViews {

    @Inject
    EntryStore store;

    @Inject
    Owed owed;

    @Inject
    RefundClaims claims;

    /** The whole entry with its current summary and open deadlines. */
    public EntryView of(CustomsEntry e) {
        List<EntryView.Payment> payments = store.readList(e.payments, EntryView.Payment.class);
        SummaryView summary = store.summary(e);
        BigDecimal paid = payments.stream().map(EntryView.Payment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        List<EntryView.Refund> refunds = claims.of(e);
        return new EntryView(e.id, EntryNumber.display(e.entryNumber), e.entryType, e.entryDate, e.exportDate, e.portCode,
                e.transportMode, e.importer, e.status.name(), e.createdBy, e.createdAt, summary, payments, paid,
                store.read(e.liquidation, EntryView.Liquidation.class), store.read(e.protest, EntryView.Protest.class),
                refunds.isEmpty() ? null : refunds.get(refunds.size() - 1), refunds, claims.refundable(e, summary),
                store.readList(e.originAudits, EntryView.OriginAudit.class),
                Deadlines.of(facts(e, e.hasIeepa ? owed.ieepaByHeading(e, summary) : Map.of(), store.today())));
    }

    EntryListItem item(CustomsEntry e) {
        return new EntryListItem(e.id, EntryNumber.display(e.entryNumber), e.entryDate, e.status.name(), e.summaryVersion);
    }

    /**
     * The deadline facts of an entry on {@code today}, {@code ieepaOwed} its {@link Owed#ieepaByHeading} (read only
     * when it has IEEPA duty): CAPE open while a CAPE claim could claim something ({@link RefundClaims#capeClaimable}:
     * IEEPA duty owed, less the shortfall of a CAPE claim received; IEEPA duty an origin audit billed after a CAPE refund
     * can be claimed again); audited when an origin audit is recorded.
     * The entry view and the deadlines list ({@link DeadlineService}) both ask here.
     */
    Deadlines.Facts facts(CustomsEntry e, Map<String, BigDecimal> ieepaOwed, LocalDate today) {
        boolean capeOpen = e.hasIeepa && !RefundClaims.capeClaimable(ieepaOwed, claims.of(e)).isEmpty();
        return new Deadlines.Facts(e.entryDate, e.status, e.liquidationDate, capeOpen, e.protest != null, e.originAudits != null
                && !store.readList(e.originAudits, EntryView.OriginAudit.class).isEmpty(), today);
    }
}

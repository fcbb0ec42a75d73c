package io.rigledger.tariff.entry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.util.List;

/** Maps a stored entry to what the API answers (entities never leave the package's services). */
@ApplicationScoped
public class EntryViews {

    @Inject
    EntryStore store;

    /** The whole entry with its current summary and open deadlines. */
    public EntryView of(CustomsEntry e) {
        List<EntryView.Payment> payments = store.readList(e.payments, EntryView.Payment.class);
        BigDecimal paid = payments.stream().map(EntryView.Payment::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new EntryView(e.id, EntryNumber.display(e.entryNumber), e.entryType, e.entryDate, e.exportDate, e.portCode,
                e.transportMode, e.importer, e.status.name(), e.createdBy, e.createdAt, store.summary(e), payments, paid,
                store.read(e.liquidation, EntryView.Liquidation.class), store.read(e.protest, EntryView.Protest.class),
                store.read(e.refund, EntryView.Refund.class), store.readList(e.originAudits, EntryView.OriginAudit.class),
                Deadlines.of(facts(e)));
    }

    EntryListItem item(CustomsEntry e) {
        return new EntryListItem(e.id, EntryNumber.display(e.entryNumber), e.entryDate, e.status.name(), e.summaryVersion);
    }

    Deadlines.Facts facts(CustomsEntry e) {
        return new Deadlines.Facts(e.entryDate, e.status, e.liquidationDate, e.hasIeepa, e.protest != null, store.today());
    }
}

package io.rigledger.tariff.entry;

import io.quarkus.runtime.StartupEvent;
import io.rigledger.tariff.allocation.AllocationTable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Brings forward a database written before liquidations wrote their decreases to the ledger (commit 690f41f): an
 * entry liquidated then has its liquidation's decreases only in its liquidation record, and they used to be computed
 * on each read. At start-up each such entry (liquidated, no LIQUIDATED ledger row) gets the LIQUIDATED rows a
 * liquidation writes today ({@link Owed#decrease}: negative, per order line, off the 7501 lines by what each owes of
 * the layer). Idempotent: an entry that has LIQUIDATED rows is left alone, so a second run (or a second replica, which
 * waits on the same advisory lock) writes nothing. Java, not a Flyway SQL migration: the split (over the 7501 lines by
 * what each owes, then over the order lines by the entry's basis, largest remainder at each step) is the service's own
 * allocation code, which SQL would have to copy.
 */
@ApplicationScoped
public class LiquidationBackfill {

    private static final Logger LOG = Logger.getLogger(LiquidationBackfill.class);

    @Inject
    EntryStore store;

    @Inject
    Owed owed;

    void onStart(@Observes StartupEvent start) {
        int written = run();
        if (written > 0) {
            LOG.infof("wrote the LIQUIDATED ledger rows of %d entries liquidated before the ledger kept them", written);
        }
    }

    /**
     * Writes the missing LIQUIDATED rows in one transaction, under a transaction-scoped advisory lock so replicas
     * starting together do it once.
     *
     * @return how many entries got rows
     */
    @Transactional
    public int run() {
        CustomsEntry.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended('liquidation-backfill', 9))")
                .getSingleResult();
        List<CustomsEntry> entries = CustomsEntry.list("from CustomsEntry e where e.liquidation is not null and not exists"
                + " (select a.id from EntryAmount a where a.entryId = e.id and a.kind = ?1)", Owed.LIQUIDATED);
        int written = 0;
        for (CustomsEntry e : entries) {
            EntryView.Liquidation liquidation = store.read(e.liquidation, EntryView.Liquidation.class);
            List<EntryView.LayerChange> decreases = liquidation.layers().stream().filter(c -> c.difference().signum() < 0).toList();
            if (decreases.isEmpty()) {
                continue;
            }
            SummaryView summary = store.version(e.id, e.summaryVersion);
            if (summary == null) { // not filed through tariff-service: nothing to allocate the decreases by
                continue;
            }
            // what each 7501 line owes without the decreases (they are in no ledger row yet), read once as a liquidation does
            List<AllocationTable.LineChange> owedChanges = owed.lineChanges(e, summary);
            decreases.forEach(c -> store.ledger(e, Owed.decrease(summary, owedChanges, Owed.LIQUIDATED, c.program(), c.heading(),
                    c.difference().negate())));
            written++;
        }
        return written;
    }
}

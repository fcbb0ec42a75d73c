package io.rigledger.tariff.allocation;

import io.rigledger.tariff.entry.CustomsEntry;
import io.rigledger.tariff.entry.EntryNumber;
import io.rigledger.tariff.entry.EntryStore;
import io.rigledger.tariff.entry.Ledger;
import io.rigledger.tariff.entry.Owed;
import io.rigledger.tariff.entry.SummaryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * What an entry owes per layer ({@link Owed}: declared, changed by CBP's bills, liquidation, origin
 * audits and CAPE refunds; no interest) over its order lines and rigs. Lines by {@link AllocationTable}; each line's duty and fees over its rigs in equal
 * shares, lower serial numbers first ({@link ControlledRounding#roundEqually}).
 */
@ApplicationScoped
public class Allocations {

    @Inject
    EntryStore store;

    @Inject
    Owed owed;

    /** The allocation of an entry of {@code org}; 404 for a missing entry and another organisation's. */
    @Transactional
    public AllocationView of(UUID id, String org) {
        CustomsEntry e = store.load(id, org);
        SummaryView summary = store.summary(e);
        return of(e.id, EntryNumber.display(e.entryNumber), summary, owed.lineChanges(e, summary));
    }

    /** The allocation of one summary version with {@code changes} per 7501 line since (pure). */
    static AllocationView of(UUID entryId, String number, SummaryView summary, List<AllocationTable.LineChange> changes) {
        AllocationTable table = AllocationTable.of(summary, changes);
        List<AllocationTable.Column> columns = table.columns();
        List<AllocationView.Layer> layers = columns.stream()
                .map(c -> new AllocationView.Layer(c.program(), c.heading(), c.owed(), c.declared())).toList();
        List<AllocationView.Line> lines = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            Ledger.Cell cell = table.rows().get(i);
            List<AllocationView.Layer> own = new ArrayList<>();
            for (int j = 0; j < columns.size(); j++) {
                if (table.shares(i, j) || table.amount(i, j).signum() != 0) {
                    own.add(new AllocationView.Layer(columns.get(j).program(), columns.get(j).heading(), table.amount(i, j), null));
                }
            }
            long[] dutyAndFees = table.dutyAndFees(i);
            List<String> serials = cell.orderLine().serialNumbers() == null ? List.of()
                    : cell.orderLine().serialNumbers().stream().sorted(Comparator.naturalOrder()).toList();
            List<AllocationView.Rig> rigs = new ArrayList<>();
            if (!serials.isEmpty()) {
                long[][] parts = ControlledRounding.roundEqually(dutyAndFees, serials.size());
                for (int r = 0; r < serials.size(); r++) {
                    rigs.add(new AllocationView.Rig(serials.get(r), usd(parts[r][0]), usd(parts[r][1]), usd(parts[r][0] + parts[r][1])));
                }
            }
            lines.add(new AllocationView.Line(cell.orderLine().purchaseOrderId(), cell.orderLine().lineNumber(),
                    cell.orderLine().shipmentId(), cell.orderLine().quantity(), cell.weight(), own, usd(dutyAndFees[0]),
                    usd(dutyAndFees[1]), usd(dutyAndFees[0] + dutyAndFees[1]), rigs));
        }
        BigDecimal total = layers.stream().map(AllocationView.Layer::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new AllocationView(entryId, number, summary.allocationMethod(), layers, total, lines);
    }

    private static BigDecimal usd(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}

package io.rigledger.tariff.allocation;

import io.rigledger.tariff.entry.CustomsEntry;
import io.rigledger.tariff.entry.EntryNumber;
import io.rigledger.tariff.entry.EntryStore;
import io.rigledger.tariff.entry.Ledger;
import io.rigledger.tariff.entry.SummaryView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The current summary's declared duty per layer and fees over the
 * order lines (by the entry's basis: value, quantity or manual shares) and then over each line's
 * rigs in equal shares, ties to the lower line number, then the lower serial number
 * ({@link LargestRemainder}).
 */
@ApplicationScoped
public class Allocations {

    @Inject
    EntryStore store;

    /** The allocation of an entry of {@code org}; 404 for a missing entry and another organisation's. */
    @Transactional
    public AllocationView of(UUID id, String org) {
        CustomsEntry e = store.load(id, org);
        SummaryView summary = store.summary(e);
        return of(e.id, EntryNumber.display(e.entryNumber), summary);
    }

    /** The allocation of one summary version (pure). */
    static AllocationView of(UUID entryId, String number, SummaryView summary) {
        Ledger ledger = Ledger.of(summary);
        List<Ledger.Row> declared = ledger.summaryRows(summary).stream().filter(r -> r.kind().equals("DECLARED")).toList();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        declared.forEach(r -> totals.merge(r.program() + "|" + r.heading(), r.amount(), BigDecimal::add));
        List<AllocationView.Layer> layers = totals.entrySet().stream().map(t -> {
            String[] k = t.getKey().split("\\|", -1);
            return new AllocationView.Layer(k[0], k[1], t.getValue());
        }).toList();
        List<AllocationView.Line> lines = new ArrayList<>();
        for (Ledger.Cell cell : ledger.cells()) {
            Map<String, BigDecimal> mine = new LinkedHashMap<>();
            declared.stream().filter(r -> r.cell() == cell).forEach(r -> mine.merge(r.program() + "|" + r.heading(), r.amount(), BigDecimal::add));
            List<AllocationView.Layer> own = mine.entrySet().stream().map(t -> {
                String[] k = t.getKey().split("\\|", -1);
                return new AllocationView.Layer(k[0], k[1], t.getValue());
            }).toList();
            BigDecimal total = own.stream().map(AllocationView.Layer::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            List<String> serials = cell.orderLine().serialNumbers() == null ? List.of()
                    : cell.orderLine().serialNumbers().stream().sorted(Comparator.naturalOrder()).toList();
            List<AllocationView.Rig> rigs = new ArrayList<>();
            if (!serials.isEmpty()) {
                List<BigDecimal> parts = LargestRemainder.split(total, serials.stream().map(s -> BigDecimal.ONE).toList());
                for (int i = 0; i < serials.size(); i++) {
                    rigs.add(new AllocationView.Rig(serials.get(i), parts.get(i)));
                }
            }
            lines.add(new AllocationView.Line(cell.orderLine().purchaseOrderId(), cell.orderLine().lineNumber(),
                    cell.orderLine().shipmentId(), cell.orderLine().quantity(), cell.weight(), own, total, rigs));
        }
        BigDecimal total = layers.stream().map(AllocationView.Layer::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new AllocationView(entryId, number, summary.allocationMethod(), layers, total, lines);
    }
}

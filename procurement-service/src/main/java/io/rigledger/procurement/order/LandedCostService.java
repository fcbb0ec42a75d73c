package io.rigledger.procurement.order;

import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.cost.AllocatedCosts.Covered;
import io.rigledger.procurement.cost.LargestRemainder;
import io.rigledger.procurement.order.OrderStore.OrderWithLines;
import io.rigledger.procurement.shipment.ShippedRig;
import io.rigledger.procurement.upstream.EntryAllocations;
import io.rigledger.procurement.upstream.EntryAllocations.AllocatedLine;
import io.rigledger.procurement.upstream.EntryAllocations.AllocatedRig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Landed cost of an order (issue 10 item 8): from its quote until a customs entry covers some of
 * its rigs, then, for those rigs, from the entries' allocation that tariff-service computes on the
 * current entry summary (so an origin audit or a correction moves it on the next read). The rigs an
 * entry covers are the serials it names, with the duty and fees it gives each; where it names none,
 * procurement names them from its own shipment of that line (the lower serials first, duty and fees
 * each split equally by the largest remainder, as tariff-service splits). No transaction is open
 * while tariff-service is asked.
 */
@ApplicationScoped
public class LandedCostService {

    private static final Logger LOG = Logger.getLogger(LandedCostService.class);

    private final OrderStore store;
    private final EntryAllocations entries;

    LandedCostService(OrderStore store, EntryAllocations entries) {
        this.store = store;
        this.entries = entries;
    }

    /**
     * The landed cost of order {@code id} of {@code org}.
     *
     * @throws io.rigledger.platform.problem.ProblemException 404 for another organisation's or a missing
     *         order; 409 while its estimate is PENDING
     * @throws io.rigledger.platform.problem.UpstreamUnavailableException when rigs have shipped and
     *         tariff-service cannot say which entries cover them (503)
     */
    public LandedCostView of(UUID id, String org) {
        OrderWithLines found = store.find(id, org).orElseThrow(() -> Problems.notFound("purchase order", id));
        return of(found);
    }

    /** The landed cost of an order already read (see {@link #of(UUID, String)}). */
    public LandedCostView of(OrderWithLines found) {
        PurchaseOrder order = found.order();
        boolean shipped = found.lines().stream().anyMatch(l -> l.shipped > 0);
        if (!shipped || PurchaseOrder.PENDING.equals(order.estimateStatus) || PurchaseOrder.SUPPLIER_PAYS.equals(order.estimateStatus)) {
            return LandedCostView.of(order, found.lines());
        }
        List<AllocatedLine> allocated = entries.ofOrder(order.org, order.id);
        if (allocated.isEmpty()) {
            return LandedCostView.of(order, found.lines());
        }
        return LandedCostView.of(order, found.lines(), covered(order.id, found.lines(), allocated));
    }

    /** Line number to the entries' parts of it; a line whose parts cannot be placed on its rigs keeps its quote. */
    private Map<Integer, List<Covered>> covered(UUID orderId, List<PurchaseOrderLine> lines, List<AllocatedLine> allocated) {
        Map<Integer, List<Covered>> byLine = new HashMap<>();
        Map<Integer, Set<String>> named = new HashMap<>();
        Map<Integer, List<ShippedRig>> shippedRigs = null;
        for (AllocatedLine a : allocated) {
            PurchaseOrderLine line = lines.stream().filter(l -> l.lineNumber == a.lineNumber()).findFirst().orElse(null);
            if (line == null) {
                LOG.warnf("entry %s allocates to line %d, which order %s lacks", a.entryId(), a.lineNumber(), orderId);
                continue;
            }
            Set<String> taken = named.computeIfAbsent(a.lineNumber(), k -> new HashSet<>());
            List<String> serials = new ArrayList<>();
            List<BigDecimal> rigDuty = new ArrayList<>();
            List<BigDecimal> rigFees = new ArrayList<>();
            if (!a.rigs().isEmpty()) {
                for (AllocatedRig r : a.rigs()) {
                    serials.add(r.serialNumber());
                    rigDuty.add(r.duty());
                    rigFees.add(r.fees());
                }
            } else {
                if (shippedRigs == null) {
                    shippedRigs = shippedByLine(orderId);
                }
                for (ShippedRig r : shippedRigs.getOrDefault(a.lineNumber(), List.of())) {
                    if (serials.size() < a.quantity() && !taken.contains(r.serialNumber)
                            && (a.shipmentId() == null || a.shipmentId().equals(r.shipmentId))) {
                        serials.add(r.serialNumber);
                    }
                }
                if (serials.size() == a.quantity() && !serials.isEmpty()) {
                    rigDuty.addAll(LargestRemainder.equally(a.duty(), serials.size()));
                    rigFees.addAll(LargestRemainder.equally(a.fees(), serials.size()));
                }
            }
            int already = byLine.getOrDefault(a.lineNumber(), List.of()).stream().mapToInt(c -> c.serials().size()).sum();
            if (serials.size() != a.quantity() || serials.stream().anyMatch(taken::contains) || already + serials.size() > line.quantity) {
                LOG.warnf("entry %s's part of line %d of order %s cannot be placed on its rigs; that part keeps the quote",
                        a.entryId(), a.lineNumber(), orderId);
                continue;
            }
            taken.addAll(serials);
            byLine.computeIfAbsent(a.lineNumber(), k -> new ArrayList<>())
                    .add(new Covered(a.entryId(), a.duty(), a.fees(), serials, rigDuty, rigFees));
        }
        return byLine;
    }

    /** The order's shipped rigs per line, lower serial first. */
    private static Map<Integer, List<ShippedRig>> shippedByLine(UUID orderId) {
        Map<Integer, List<ShippedRig>> byLine = new HashMap<>();
        for (ShippedRig r : ShippedRig.<ShippedRig>list("orderId = ?1 order by lineNumber, serialNumber", orderId)) {
            byLine.computeIfAbsent(r.lineNumber, k -> new ArrayList<>()).add(r);
        }
        return byLine;
    }
}

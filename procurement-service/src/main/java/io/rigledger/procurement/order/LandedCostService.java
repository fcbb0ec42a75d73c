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
import java.math.RoundingMode;
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
        List<String> warnings = new ArrayList<>();
        Map<Integer, List<Covered>> covered = covered(order.id, found.lines(), allocated, warnings);
        return LandedCostView.of(order, found.lines(), covered, warnings);
    }

    /**
     * Line number to the entries' parts of it; a part that cannot be placed on the line's rigs keeps
     * the quote, and so do the serials an entry names that the line did not ship (a typo on the
     * entry summary): the rigs it names that did ship take their allocated duty and fees, the line's
     * other shipped rigs keep their quote share. Each such case adds a warning (and a log line).
     */
    private Map<Integer, List<Covered>> covered(UUID orderId, List<PurchaseOrderLine> lines, List<AllocatedLine> allocated,
                                                List<String> warnings) {
        Map<Integer, List<Covered>> byLine = new HashMap<>();
        Map<Integer, Set<String>> named = new HashMap<>();
        Map<Integer, List<ShippedRig>> shippedRigs = shippedByLine(orderId);
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
            BigDecimal duty = a.duty();
            BigDecimal fees = a.fees();
            boolean namesRigs = !a.rigs().isEmpty();
            if (namesRigs) {
                Set<String> ours = new HashSet<>();
                shippedRigs.getOrDefault(a.lineNumber(), List.of()).forEach(r -> ours.add(r.serialNumber));
                List<String> unknown = new ArrayList<>();
                for (AllocatedRig r : a.rigs()) {
                    if (!ours.contains(r.serialNumber()) || taken.contains(r.serialNumber()) || serials.contains(r.serialNumber())) {
                        unknown.add(r.serialNumber());
                        continue;
                    }
                    serials.add(r.serialNumber());
                    rigDuty.add(r.duty());
                    rigFees.add(r.fees());
                }
                if (!unknown.isEmpty()) {
                    String warning = "entry " + a.entryId() + " names serials " + String.join(", ", unknown) + " that line "
                            + a.lineNumber() + " did not ship (or another entry already covers); their part keeps the quote";
                    LOG.warnf("order %s: %s", orderId, warning);
                    warnings.add(warning);
                    duty = rigDuty.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
                    fees = rigFees.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
                }
            } else {
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
            if (serials.isEmpty() || (!namesRigs && serials.size() != a.quantity()) || already + serials.size() > line.quantity) {
                String warning = "entry " + a.entryId() + "'s part of line " + a.lineNumber()
                        + " cannot be placed on the rigs shipped; that part keeps the quote";
                LOG.warnf("order %s: %s", orderId, warning);
                warnings.add(warning);
                continue;
            }
            taken.addAll(serials);
            byLine.computeIfAbsent(a.lineNumber(), k -> new ArrayList<>())
                    .add(new Covered(a.entryId(), duty, fees, serials, rigDuty, rigFees));
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

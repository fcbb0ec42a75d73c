package io.rigledger.procurement.order;

import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.cost.AllocatedCosts;
import io.rigledger.procurement.cost.AllocatedCosts.Covered;
import io.rigledger.procurement.cost.AllocatedCosts.RigCost;
import io.rigledger.procurement.cost.LandedCosts;
import io.rigledger.procurement.cost.LandedCosts.Parts;
import io.rigledger.procurement.cost.LandedCosts.RigRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * GET /api/purchase-orders/{id}/landed-cost (contract: LandedCost): per line and per rig, from the
 * order's quote (or zero duty and fees under DDP) until customs entries cover its rigs, then from
 * the entries' allocation (tariff-service) for the rigs they cover, the others keeping their quote
 * share. USD; the rigs add up to their line and the lines to the total exactly. {@code warnings}: why a part
 * of an entry's allocation was not placed on rigs (e.g. a serial the entry names that the line did not ship);
 * null when there is none.
 */
public record LandedCostView(UUID orderId, String basis, UUID quoteId, List<UUID> entryIds, String currency, Parts total,
                             List<LineCost> lines, List<String> warnings) {

    public static final String QUOTE = "QUOTE";
    public static final String ENTRY_ALLOCATION = "ENTRY_ALLOCATION";

    /**
     * One line: its amounts, where they come from, the rigs entries cover (by serial; null when none)
     * and the rigs priced from the quote by range of positions (after the covered ones).
     */
    public record LineCost(int lineNumber, String sku, int quantity, String source, Parts line, List<RigCost> coveredRigs,
                           List<RigRange> rigs) {
    }

    /**
     * The landed cost of an order from its quote alone.
     *
     * @throws io.rigledger.platform.problem.ProblemException 409 while the estimate is PENDING
     */
    static LandedCostView of(PurchaseOrder order, List<PurchaseOrderLine> lines) {
        return of(order, lines, Map.of(), List.of());
    }

    /**
     * The landed cost of an order whose lines' rigs entries cover as {@code covered} says (line
     * number to the entries' parts of it; a line absent or empty keeps its quote); {@code warnings}
     * say which parts of the entries' allocation could not be placed on the lines' rigs.
     *
     * @throws io.rigledger.platform.problem.ProblemException 409 while the estimate is PENDING
     * @throws IllegalArgumentException when the entries cover more rigs of a line than it has
     */
    static LandedCostView of(PurchaseOrder order, List<PurchaseOrderLine> lines, Map<Integer, List<Covered>> covered,
                             List<String> warnings) {
        if (PurchaseOrder.PENDING.equals(order.estimateStatus)) {
            throw Problems.conflict("the duty estimate is PENDING until tariff-service quotes it; no landed cost yet");
        }
        String quoteBasis = PurchaseOrder.SUPPLIER_PAYS.equals(order.estimateStatus) ? PurchaseOrder.SUPPLIER_PAYS : QUOTE;
        Parts total = Parts.of(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
        Set<UUID> entries = new LinkedHashSet<>();
        List<LineCost> costs = new ArrayList<>(lines.size());
        for (PurchaseOrderLine l : lines) {
            List<Covered> parts = covered.getOrDefault(l.lineNumber, List.of());
            LineCost cost;
            if (parts.isEmpty()) {
                cost = new LineCost(l.lineNumber, l.modelCode, l.quantity, quoteBasis, Parts.of(l.customsValue, l.estimatedDuty, l.estimatedFees),
                        null, LandedCosts.rigs(l.quantity, l.unitPrice, l.estimatedDuty, l.estimatedFees));
            } else {
                AllocatedCosts.LineCost c = AllocatedCosts.of(l.quantity, l.unitPrice, l.estimatedDuty, l.estimatedFees, parts);
                parts.forEach(p -> entries.add(p.entryId()));
                cost = new LineCost(l.lineNumber, l.modelCode, l.quantity, ENTRY_ALLOCATION,
                        Parts.of(l.customsValue, c.line().duty(), c.line().fees()), c.covered(), c.quoted());
            }
            costs.add(cost);
            total = total.plus(cost.line());
        }
        return new LandedCostView(order.id, entries.isEmpty() ? quoteBasis : ENTRY_ALLOCATION, order.quoteId,
                entries.isEmpty() ? null : List.copyOf(entries), order.currency, total, costs,
                warnings.isEmpty() ? null : List.copyOf(warnings));
    }

    /** Whether an entry covers rig {@code serialNumber} of line {@code lineNumber} (false for a line the order lacks). */
    public boolean covers(int lineNumber, String serialNumber) {
        return lines.stream().anyMatch(l -> l.lineNumber() == lineNumber && l.coveredRigs() != null
                && l.coveredRigs().stream().anyMatch(r -> r.serialNumber().equals(serialNumber)));
    }

    /**
     * What rig {@code serialNumber}, at {@code rigOnLine} on line {@code lineNumber}, costs landed:
     * its entry's share when an entry covers it, else the quote's share of the k-th rig no entry
     * covers (k counted over the line's uncovered rigs in position order, {@code uncoveredRank} from 1).
     */
    public Parts rig(int lineNumber, String serialNumber, int uncoveredRank) {
        LineCost line = lines.stream().filter(l -> l.lineNumber() == lineNumber).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no line " + lineNumber));
        if (line.coveredRigs() != null) {
            for (RigCost r : line.coveredRigs()) {
                if (r.serialNumber().equals(serialNumber)) {
                    return r.each();
                }
            }
        }
        int covered = line.coveredRigs() == null ? 0 : line.coveredRigs().size();
        int position = covered + uncoveredRank;
        for (RigRange r : line.rigs()) {
            if (position >= r.fromRig() && position <= r.toRig()) {
                return r.each();
            }
        }
        throw new IllegalArgumentException("line " + lineNumber + " has no rig at position " + position);
    }
}

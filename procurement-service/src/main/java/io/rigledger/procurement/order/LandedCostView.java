package io.rigledger.procurement.order;

import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.cost.LandedCosts;
import io.rigledger.procurement.cost.LandedCosts.Parts;
import io.rigledger.procurement.cost.LandedCosts.RigRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * GET /api/purchase-orders/{id}/landed-cost (contract: LandedCost): per line and per rig, from the
 * order's quote (or zero duty and fees under DDP). USD; the rigs add up to their line and the lines
 * to the total exactly.
 */
public record LandedCostView(UUID orderId, String basis, UUID quoteId, String currency, Parts total, List<LineCost> lines) {

    /** One line: its amounts, and its rigs by range of positions. */
    public record LineCost(int lineNumber, String sku, int quantity, Parts line, List<RigRange> rigs) {
    }

    /**
     * The landed cost of an order.
     *
     * @throws io.rigledger.platform.problem.ProblemException 409 while the estimate is PENDING
     */
    static LandedCostView of(PurchaseOrder order, List<PurchaseOrderLine> lines) {
        if (PurchaseOrder.PENDING.equals(order.estimateStatus)) {
            throw Problems.conflict("the duty estimate is PENDING until tariff-service quotes it; no landed cost yet");
        }
        Parts total = Parts.of(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));
        List<LineCost> costs = new ArrayList<>(lines.size());
        for (PurchaseOrderLine l : lines) {
            Parts line = Parts.of(l.customsValue, l.estimatedDuty, l.estimatedFees);
            costs.add(new LineCost(l.lineNumber, l.modelCode, l.quantity, line,
                    LandedCosts.rigs(l.quantity, l.unitPrice, l.estimatedDuty, l.estimatedFees)));
            total = total.plus(line);
        }
        String basis = PurchaseOrder.SUPPLIER_PAYS.equals(order.estimateStatus) ? PurchaseOrder.SUPPLIER_PAYS : "QUOTE";
        return new LandedCostView(order.id, basis, order.quoteId, order.currency, total, costs);
    }
}

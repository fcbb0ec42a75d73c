package io.rigledger.procurement.order;

import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.cost.LargestRemainder;
import io.rigledger.procurement.upstream.CatalogueModel;
import io.rigledger.procurement.upstream.CataloguePlant;
import io.rigledger.procurement.upstream.CatalogueSnapshot;
import io.rigledger.procurement.upstream.DutyQuotes;
import io.rigledger.procurement.upstream.QuoteLine;
import io.rigledger.procurement.upstream.QuoteRequest;
import io.rigledger.procurement.upstream.QuotedDuty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Prices an order's lines: names them from the catalogue (origin = the plant's country), and
 * writes an estimate onto order and lines: tariff-service's quote (fees shared over the lines by
 * non-US-origin customs value, largest remainder), zero under DDP, or PENDING. Pure: no neighbour,
 * no database.
 */
final class OrderPricing {

    /** Largest amount numeric(15,2) holds. */
    static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999.99");
    static final String DDP_REASON = "under DDP the supplier pays duty and fees";
    static final String PENDING_REASON = "tariff-service could not be reached; the estimate is quoted again once it answers";

    private OrderPricing() {
    }

    /**
     * The order's lines, numbered from 1, named from the catalogue.
     *
     * @param field the request's name for the lines (lines)
     * @throws io.rigledger.platform.problem.ProblemException 400 naming lines[i].sku or lines[i].plant
     *         for a sku or plant the catalogue lacks or retired, or a plant of another maker; 400
     *         naming the lines when their value exceeds what an order holds
     */
    static List<PurchaseOrderLine> lines(UUID orderId, List<NewPurchaseOrder.Line> in, CatalogueSnapshot catalogue,
                                         String defaultHtsCode, String field) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<PurchaseOrderLine> lines = new ArrayList<>(in.size());
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < in.size(); i++) {
            NewPurchaseOrder.Line l = in.get(i);
            String at = field + "[" + i + "]";
            Optional<CatalogueModel> model = catalogue.model(l.sku());
            Optional<CataloguePlant> plant = catalogue.plant(l.plant());
            if (model.isEmpty()) {
                violations.add(new Problem.Violation(at + ".sku", l.sku() + " is not in inventory-service's rig model catalogue"));
            } else if (model.get().retired()) {
                violations.add(new Problem.Violation(at + ".sku", l.sku() + " is retired from the catalogue"));
            }
            if (plant.isEmpty()) {
                violations.add(new Problem.Violation(at + ".plant", l.plant() + " is not in inventory-service's plant catalogue"));
            } else if (plant.get().retired()) {
                violations.add(new Problem.Violation(at + ".plant", l.plant() + " is retired from the catalogue"));
            } else if (model.isPresent() && model.get().manufacturer() != null
                    && !model.get().manufacturer().equals(plant.get().manufacturer())) {
                violations.add(new Problem.Violation(at + ".plant", l.plant() + " is a plant of " + plant.get().manufacturer()
                        + ", not of " + model.get().manufacturer() + " who makes " + l.sku()));
            }
            if (model.isEmpty() || plant.isEmpty()) {
                continue;
            }
            PurchaseOrderLine line = new PurchaseOrderLine();
            line.orderId = orderId;
            line.lineNumber = i + 1;
            line.modelCode = l.sku();
            line.modelName = model.get().name();
            line.manufacturer = plant.get().manufacturer();
            line.plantCode = l.plant();
            line.hashrateThs = model.get().hashrateThs();
            line.quantity = l.quantity();
            line.unitPrice = l.unitPrice().setScale(2, RoundingMode.HALF_UP);
            line.originCountry = plant.get().country();
            line.usContentPercent = l.usContentPercent() == null ? null : l.usContentPercent().setScale(2, RoundingMode.HALF_UP);
            line.htsCode = l.htsCode() == null ? defaultHtsCode : l.htsCode();
            line.customsValue = BigDecimal.valueOf(l.quantity()).multiply(line.unitPrice).setScale(2, RoundingMode.HALF_UP);
            total = total.add(line.customsValue);
            lines.add(line);
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        if (total.compareTo(MAX_MONEY) > 0) {
            throw Problems.badRequest(field, "add up to more than " + MAX_MONEY + " USD");
        }
        return lines;
    }

    /** Sum of the lines' customs values, USD. */
    static BigDecimal totalValue(List<PurchaseOrderLine> lines) {
        return lines.stream().map(l -> l.customsValue).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** What tariff-service is asked for this order: one quote line per order line, on behalf of its organisation. */
    static QuoteRequest quoteRequest(PurchaseOrder order, List<PurchaseOrderLine> lines) {
        List<QuoteLine> quoteLines = new ArrayList<>(lines.size());
        for (PurchaseOrderLine l : lines) {
            quoteLines.add(new QuoteLine(l.htsCode, l.originCountry, l.customsValue, l.quantity, l.usContentPercent));
        }
        return new QuoteRequest(order.org, order.expectedEntryDate, order.expectedExportDate, order.transportMode, quoteLines);
    }

    /** The quote onto order and lines: per-line duty as quoted, the fees shared by non-US-origin customs value. */
    static void quoted(PurchaseOrder order, List<PurchaseOrderLine> lines, QuotedDuty quote) {
        BigDecimal fees = money(quote.totalFees());
        List<BigDecimal> weights = lines.stream().map(l -> "US".equals(l.originCountry) ? BigDecimal.ZERO : l.customsValue).toList();
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            weights = lines.stream().map(l -> l.customsValue).toList();
        }
        List<BigDecimal> shares = fees.signum() == 0 || weights.stream().allMatch(w -> w.signum() == 0)
                ? lines.stream().map(l -> BigDecimal.ZERO.setScale(2)).toList()
                : LargestRemainder.split(fees, weights);
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).estimatedDuty = money(quote.lineDuties().get(i));
            lines.get(i).estimatedFees = shares.get(i);
        }
        order.estimateStatus = PurchaseOrder.QUOTED;
        order.estimateReason = null;
        order.quoteId = quote.quoteId();
        order.estimatedDuty = money(quote.totalDuty());
        order.estimatedFees = fees;
        order.dutyQuotedAt = quote.quotedAt();
        order.dutySource = DutyQuotes.SERVICE;
        order.requoteAfter = null;
        order.requoteAttempts = 0;
    }

    /** DDP: the supplier pays duty and fees; the buyer's estimate is zero, with the reason. */
    static void supplierPays(PurchaseOrder order, List<PurchaseOrderLine> lines, Instant now) {
        for (PurchaseOrderLine l : lines) {
            l.estimatedDuty = BigDecimal.ZERO.setScale(2);
            l.estimatedFees = BigDecimal.ZERO.setScale(2);
        }
        order.estimateStatus = PurchaseOrder.SUPPLIER_PAYS;
        order.estimateReason = DDP_REASON;
        order.quoteId = null;
        order.estimatedDuty = BigDecimal.ZERO.setScale(2);
        order.estimatedFees = BigDecimal.ZERO.setScale(2);
        order.dutyQuotedAt = now;
        order.dutySource = null;
        order.requoteAfter = null;
        order.requoteAttempts = 0;
    }

    /** tariff-service could not be reached: amounts unknown until the scheduled re-quote, due at {@code retryAt}. */
    static void pending(PurchaseOrder order, List<PurchaseOrderLine> lines, Instant retryAt) {
        for (PurchaseOrderLine l : lines) {
            l.estimatedDuty = null;
            l.estimatedFees = null;
        }
        order.estimateStatus = PurchaseOrder.PENDING;
        order.estimateReason = PENDING_REASON;
        order.quoteId = null;
        order.estimatedDuty = null;
        order.estimatedFees = null;
        order.dutyQuotedAt = null;
        order.dutySource = null;
        order.requoteAfter = retryAt;
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}

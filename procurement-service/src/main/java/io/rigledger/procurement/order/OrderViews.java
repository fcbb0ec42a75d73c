package io.rigledger.procurement.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the API answers (contract: PurchaseOrder, OrderLine, UnitCost, DutyEstimate; pages are
 * platform Pages of these). Money in USD to the cent; per-unit figures are the line's over its
 * quantity, HALF_UP; landed cost per TH/s is USD per TH/s of one rig, HALF_UP to the cent.
 */
public final class OrderViews {

    private OrderViews() {
    }

    public record PurchaseOrderView(UUID id, String org, OrderStatus status, String supplier, String incoterm,
                                    LocalDate expectedExportDate, LocalDate expectedEntryDate, String transportMode,
                                    String destinationSite, String currency, Instant createdAt, String createdBy,
                                    Instant updatedAt, int version, List<OrderLineView> lines, BigDecimal totalValue,
                                    DutyEstimateView dutyEstimate) {

        static PurchaseOrderView of(PurchaseOrder o, List<PurchaseOrderLine> lines) {
            BigDecimal total = o.estimatedDuty == null || o.estimatedFees == null ? null : o.estimatedDuty.add(o.estimatedFees);
            return new PurchaseOrderView(o.id, o.org, o.status, o.supplier, o.incoterm, o.expectedExportDate,
                    o.expectedEntryDate, o.transportMode, o.destinationSite, o.currency, o.createdAt, o.createdBy,
                    o.updatedAt, o.version, lines.stream().map(OrderLineView::of).toList(), o.totalValue,
                    new DutyEstimateView(o.estimateStatus, o.estimateReason, o.expectedEntryDate, o.quoteId,
                            o.estimatedDuty, o.estimatedFees, total, o.dutyQuotedAt, o.dutySource));
        }
    }

    public record OrderLineView(int lineNumber, String sku, String modelName, String manufacturer, String plant,
                                String originCountry, BigDecimal usContentPercent, BigDecimal hashrateThs, int quantity,
                                BigDecimal unitPrice, String htsCode, BigDecimal customsValue, BigDecimal estimatedDuty,
                                BigDecimal estimatedFees, UnitCostView perUnit) {

        static OrderLineView of(PurchaseOrderLine l) {
            return new OrderLineView(l.lineNumber, l.modelCode, l.modelName, l.manufacturer, l.plantCode, l.originCountry,
                    l.usContentPercent, l.hashrateThs, l.quantity, l.unitPrice, l.htsCode, l.customsValue,
                    l.estimatedDuty, l.estimatedFees, UnitCostView.of(l));
        }
    }

    /** One rig of a line on average; duty, fees and landed cost are null while the estimate is PENDING. */
    public record UnitCostView(BigDecimal price, BigDecimal duty, BigDecimal fees, BigDecimal landedCost,
                               BigDecimal landedCostPerThs) {

        static UnitCostView of(PurchaseOrderLine l) {
            if (l.estimatedDuty == null || l.estimatedFees == null) {
                return new UnitCostView(l.unitPrice, null, null, null, null);
            }
            BigDecimal qty = BigDecimal.valueOf(l.quantity);
            BigDecimal duty = l.estimatedDuty.divide(qty, 2, RoundingMode.HALF_UP);
            BigDecimal fees = l.estimatedFees.divide(qty, 2, RoundingMode.HALF_UP);
            BigDecimal landed = l.unitPrice.add(duty).add(fees);
            BigDecimal perThs = l.hashrateThs == null || l.hashrateThs.signum() == 0 ? null
                    : landed.divide(l.hashrateThs, 2, RoundingMode.HALF_UP);
            return new UnitCostView(l.unitPrice, duty, fees, landed, perThs);
        }
    }

    public record DutyEstimateView(String status, String reason, LocalDate entryDate, UUID quoteId, BigDecimal totalDuty,
                                   BigDecimal totalFees, BigDecimal total, Instant quotedAt, String source) {
    }
}

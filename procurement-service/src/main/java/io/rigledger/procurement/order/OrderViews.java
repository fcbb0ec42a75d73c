package io.rigledger.procurement.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the API answers (contract: PurchaseOrder, OrderLine, DutyEstimate; pages are platform Pages of these). */
public final class OrderViews {

    private OrderViews() {
    }

    public record PurchaseOrderView(UUID id, String org, String status, String supplier, LocalDate expectedEntryDate,
                                    String currency, Instant createdAt, String createdBy, List<OrderLineView> lines,
                                    BigDecimal totalValue, DutyEstimateView dutyEstimate) {

        static PurchaseOrderView of(PurchaseOrder o, List<PurchaseOrderLine> lines) {
            return new PurchaseOrderView(o.id, o.org, o.status, o.supplier, o.expectedEntryDate, o.currency,
                    o.createdAt, o.createdBy, lines.stream().map(OrderLineView::of).toList(), o.totalValue,
                    new DutyEstimateView(o.expectedEntryDate, o.estimatedDuty, o.dutyQuotedAt, o.dutySource));
        }
    }

    public record OrderLineView(int lineNumber, String model, String modelName, BigDecimal hashrateThs, int quantity,
                                BigDecimal unitPrice, String originCountry, String htsCode, BigDecimal customsValue,
                                BigDecimal estimatedDuty) {

        static OrderLineView of(PurchaseOrderLine l) {
            return new OrderLineView(l.lineNumber, l.modelCode, l.modelName, l.hashrateThs, l.quantity, l.unitPrice,
                    l.originCountry, l.htsCode, l.customsValue, l.estimatedDuty);
        }
    }

    public record DutyEstimateView(LocalDate entryDate, BigDecimal totalDuty, Instant quotedAt, String source) {
    }
}

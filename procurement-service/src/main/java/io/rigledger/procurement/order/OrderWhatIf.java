package io.rigledger.procurement.order;

import io.quarkus.panache.common.Parameters;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.upstream.QuoteRejectedException;
import io.rigledger.procurement.upstream.WhatIfQuotes;
import io.rigledger.procurement.order.WhatIfView.ChangeView;
import io.rigledger.procurement.order.WhatIfView.OrderWhatIfView;
import io.rigledger.procurement.upstream.WhatIfQuotes.Repriced;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the organisation's open orders (neither RECEIVED nor CANCELLED) would cost in duty and fees
 * on another date of entry: each order's stored quote re-priced by tariff-service's what-if, 100
 * quotes per call, nothing stored. DDP orders stay at zero (the supplier pays); orders whose
 * estimate is PENDING have no quote to re-price and are counted, not priced.
 */
@ApplicationScoped
public class OrderWhatIf {

    /** Most open orders re-priced in one answer. */
    public static final int MAX_ORDERS = 10_000;

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final WhatIfQuotes whatIf;

    OrderWhatIf(WhatIfQuotes whatIf) {
        this.whatIf = whatIf;
    }

    /**
     * Re-prices the open orders of {@code org} on {@code entryDate}, oldest first.
     *
     * @throws io.rigledger.platform.problem.ProblemException 422 when there are more than 10,000 open
     *         orders or tariff-service cannot price that date; 503 when tariff-service is unavailable
     */
    public WhatIfView reprice(String org, LocalDate entryDate) {
        List<PurchaseOrder> open = PurchaseOrder.<PurchaseOrder>find(
                        "org = :org and status not in :closed order by createdAt, id",
                        Parameters.with("org", org).and("closed", List.of(OrderStatus.RECEIVED, OrderStatus.CANCELLED)))
                .page(0, MAX_ORDERS + 1).list();
        if (open.size() > MAX_ORDERS) {
            throw Problems.unprocessable("entryDate", "more than " + MAX_ORDERS + " open orders; re-price them in smaller groups");
        }
        List<UUID> quoteIds = open.stream().filter(o -> PurchaseOrder.QUOTED.equals(o.estimateStatus) && o.quoteId != null)
                .map(o -> o.quoteId).toList();
        Map<UUID, Repriced> repriced = new HashMap<>();
        try {
            for (int from = 0; from < quoteIds.size(); from += WhatIfQuotes.MAX_QUOTES) {
                repriced.putAll(whatIf.reprice(org, quoteIds.subList(from, Math.min(quoteIds.size(), from + WhatIfQuotes.MAX_QUOTES)),
                        entryDate));
            }
        } catch (QuoteRejectedException e) {
            throw Problems.unprocessable("entryDate", e.getMessage());
        } catch (CircuitBreakerOpenException e) {
            throw Problems.upstreamUnavailable("tariff-service");
        }
        List<OrderWhatIfView> orders = new ArrayList<>(open.size());
        ChangeView total = ChangeView.of(ZERO, ZERO);
        int unpriced = 0;
        for (PurchaseOrder o : open) {
            if (PurchaseOrder.SUPPLIER_PAYS.equals(o.estimateStatus)) {
                ChangeView zero = ChangeView.of(ZERO, ZERO);
                orders.add(new OrderWhatIfView(o.id, o.status, PurchaseOrder.SUPPLIER_PAYS, null, o.expectedEntryDate, zero, zero, zero));
            } else if (o.quoteId != null && repriced.containsKey(o.quoteId)) {
                Repriced r = repriced.get(o.quoteId);
                ChangeView duty = ChangeView.of(r.oldDuty(), r.newDuty());
                ChangeView fees = ChangeView.of(r.oldFees(), r.newFees());
                ChangeView sum = duty.plus(fees);
                orders.add(new OrderWhatIfView(o.id, o.status, PurchaseOrder.QUOTED, o.quoteId, r.oldEntryDate(), duty, fees, sum));
                total = total.plus(sum);
            } else {
                orders.add(new OrderWhatIfView(o.id, o.status, PurchaseOrder.PENDING, null, o.expectedEntryDate, null, null, null));
                unpriced++;
            }
        }
        return new WhatIfView(entryDate, orders, total, unpriced);
    }
}

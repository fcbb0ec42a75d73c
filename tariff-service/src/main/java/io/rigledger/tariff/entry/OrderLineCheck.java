package io.rigledger.tariff.entry;

import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.upstream.ProcurementOrders;
import io.rigledger.tariff.upstream.ProcurementOrders.OrderFacts;
import io.rigledger.tariff.upstream.ProcurementOrders.ShipmentFacts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks the purchase-order lines an entry (or a post-summary correction) names against procurement-service,
 * before anything is written and outside any transaction (issue 9 item 1: "ids from procurement-service"; fresh
 * review R-9b D1). For each {@code orderLines[i]}:
 * <ul>
 *   <li>the order exists in the organisation: else 422 naming {@code orderLines[i].purchaseOrderId} (another
 *       organisation's order is answered by procurement-service exactly like a missing one, and so here);</li>
 *   <li>the order has line {@code lineNumber}: else 422 naming {@code orderLines[i].lineNumber};</li>
 *   <li>{@code shipmentId}, when given, is a shipment of that order holding rigs of that line: else 422 naming
 *       {@code orderLines[i].shipmentId};</li>
 *   <li>{@code quoteId}, when given and the order carries its stored quote's id, is that quote: else 422 naming
 *       {@code orderLines[i].quoteId} (an order whose estimate is PENDING or paid by the supplier carries none).</li>
 * </ul>
 * Every refusal of the request is answered at once, one violation per field. Each distinct order and shipment is
 * read once per request. procurement-service unreachable, failing, slow or refusing the caller's token: 503
 * (UpstreamUnavailableException, "nothing was stored"), nothing written.
 */
@ApplicationScoped
public class OrderLineCheck {

    @Inject
    ProcurementOrders procurement;

    /**
     * @param lines      the request's order lines, in the order written
     * @param onBehalfOf the organisation a service account acts for (forwarded as X-On-Behalf-Of-Org), null for a person
     * @throws io.rigledger.platform.problem.ProblemException 422 naming each offending field
     * @throws io.rigledger.platform.problem.UpstreamUnavailableException 503 when procurement-service cannot answer
     */
    public void check(List<SummaryInput.OrderLine> lines, String onBehalfOf) {
        Map<UUID, Optional<OrderFacts>> orders = new HashMap<>();
        Map<UUID, Optional<ShipmentFacts>> shipments = new HashMap<>();
        List<Problem.Violation> refused = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            SummaryInput.OrderLine line = lines.get(i);
            String at = "orderLines[" + i + "].";
            Optional<OrderFacts> order = orders.computeIfAbsent(line.purchaseOrderId(), id -> procurement.order(id, onBehalfOf));
            if (order.isEmpty()) {
                refused.add(new Problem.Violation(at + "purchaseOrderId",
                        "no purchase order " + line.purchaseOrderId() + " of your organisation in procurement-service"));
                continue;
            }
            OrderFacts po = order.get();
            if (!po.lineNumbers().contains(line.lineNumber())) {
                refused.add(new Problem.Violation(at + "lineNumber",
                        "purchase order " + po.id() + " has no line " + line.lineNumber()));
            }
            if (line.shipmentId() != null) {
                Optional<ShipmentFacts> shipment = shipments.computeIfAbsent(line.shipmentId(), id -> procurement.shipment(id, onBehalfOf));
                if (shipment.isEmpty() || !po.id().equals(shipment.get().orderId())) {
                    refused.add(new Problem.Violation(at + "shipmentId",
                            "no shipment " + line.shipmentId() + " of purchase order " + po.id()));
                } else if (!shipment.get().lineNumbers().contains(line.lineNumber())) {
                    refused.add(new Problem.Violation(at + "shipmentId",
                            "shipment " + line.shipmentId() + " holds no rig of line " + line.lineNumber() + " of purchase order " + po.id()));
                }
            }
            if (line.quoteId() != null && po.quoteId() != null && !po.quoteId().equals(line.quoteId())) {
                refused.add(new Problem.Violation(at + "quoteId",
                        "purchase order " + po.id() + " was estimated by stored duty quote " + po.quoteId() + ", not " + line.quoteId()));
            }
        }
        if (!refused.isEmpty()) {
            throw Problems.unprocessable(refused);
        }
    }
}

package io.rigledger.console.orders;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.rigledger.console.upstream.ApiProblem;
import io.rigledger.console.upstream.Orders;
import io.rigledger.console.upstream.procurement.model.LandedCost;
import io.rigledger.console.upstream.procurement.model.OrderStatus;
import io.rigledger.console.upstream.procurement.model.PurchaseOrder;
import io.rigledger.console.upstream.procurement.model.PurchaseOrderPage;
import io.rigledger.console.upstream.procurement.model.Receipt;
import io.rigledger.console.upstream.procurement.model.Shipment;
import io.rigledger.console.upstream.procurement.model.ShipmentLine;
import io.rigledger.console.upstream.procurement.model.ShippedRig;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Operators' pages: their organisation's orders (status, landed cost per TH, duty estimate) and an
 * order's shipments and receipts with each rig's confirmation by inventory-service. What an operator
 * may read is procurement-service's call.
 */
@Path("/orders")
@Authenticated
public class OrderPages {

    @Inject
    Orders orders;

    /** The list's model: the status filter and one page of orders. */
    public record ListView(String status, PurchaseOrderPage page) {
        public List<String> statuses() {
            return Arrays.stream(OrderStatus.values()).map(OrderStatus::toString).toList();
        }
    }

    /** A shipment with the receipts its rigs arrived by. */
    public record ShipmentView(Shipment shipment, List<Receipt> receipts) {
    }

    /** The order page's model. */
    public record OrderView(PurchaseOrder order, LandedCost landedCost, List<ShipmentView> shipments) {
    }

    @Inject
    @Location("orders/list.html")
    Template listPage;

    @Inject
    @Location("orders/order.html")
    Template orderPage;

    /** One page of orders, newest first, optionally of one status. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String s = status == null ? "" : status;
        if (!s.isEmpty() && Arrays.stream(OrderStatus.values()).noneMatch(v -> v.toString().equals(s))) {
            throw new ApiProblem("console", 400, "Invalid request", "status must be one of "
                    + Arrays.toString(OrderStatus.values()), List.of("status: unknown order status"));
        }
        return listPage.data("view", new ListView(s, orders.list(s, cursor)));
    }

    /** An order with its landed cost, shipments, receipts and each rig's confirmation. */
    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance order(@PathParam("id") String id) {
        UUID orderId;
        try {
            orderId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ApiProblem("console", 404, "Not Found", "no purchase order " + id, List.of());
        }
        Orders.OrderFile file = orders.file(orderId);
        List<ShipmentView> shipments = new ArrayList<>();
        Set<UUID> shown = new HashSet<>();
        for (Shipment s : file.shipments()) {
            List<Receipt> mine = new ArrayList<>();
            for (ShipmentLine line : s.getLines()) {
                for (ShippedRig rig : line.getRigs()) {
                    UUID r = rig.getReceiptId();
                    if (r != null && shown.add(r)) {
                        mine.add(file.receipts().get(r));
                    }
                }
            }
            shipments.add(new ShipmentView(s, mine));
        }
        return orderPage.data("view", new OrderView(file.order(), file.landedCost(), shipments));
    }
}

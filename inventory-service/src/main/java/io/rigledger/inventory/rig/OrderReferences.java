package io.rigledger.inventory.rig;

import io.rigledger.inventory.InventoryConfig;
import io.rigledger.inventory.upstream.PurchaseOrders;
import io.rigledger.inventory.upstream.PurchaseOrders.UnknownOrderException;
import io.rigledger.platform.problem.Problem.Violation;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Whether the purchase order and line each new rig names are real and the caller's (issue: case 006, a rig
 * registered against another organisation's order). Runs before the registration's transaction opens: it may
 * call procurement-service, and no transaction is held across a remote call.
 *
 * <ul>
 *   <li>An orderLineNumber needs a purchaseOrderId (any caller).</li>
 *   <li>A person (operator, ops): each distinct order is read from procurement-service with the person's own
 *       token; an order of another organisation is refused exactly like one that does not exist.</li>
 *   <li>procurement-service's service account (role service): the reference comes from procurement itself and
 *       is trusted.</li>
 * </ul>
 */
@ApplicationScoped
public class OrderReferences {

    @Inject
    PurchaseOrders orders;

    @Inject
    InventoryConfig config;

    /**
     * Checks every rig's order reference; nothing is stored either way.
     *
     * @param org     the organisation the rigs are registered for
     * @param trusted true when the caller is procurement-service's service account
     * @param rigs    the rigs, named rigs[i] in violations
     * @throws io.rigledger.platform.problem.ProblemException 400 naming rigs[i].purchaseOrderId (unknown or
     *         another organisation's order, or one order too many) or rigs[i].orderLineNumber (no such line, or no
     *         order named); 503 when procurement-service cannot answer
     */
    public void check(String org, boolean trusted, List<NewRig> rigs) {
        List<Violation> violations = new ArrayList<>();
        Map<UUID, Integer> firstUse = new HashMap<>();
        Set<UUID> beyondLimit = new LinkedHashSet<>();
        int limit = config.upstream().maxOrdersPerRequest();
        for (int i = 0; i < rigs.size(); i++) {
            NewRig rig = rigs.get(i);
            if (rig.purchaseOrderId() == null) {
                if (rig.orderLineNumber() != null) {
                    violations.add(new Violation(field(i, "orderLineNumber"), "needs the purchaseOrderId it is a line of"));
                }
                continue;
            }
            if (!firstUse.containsKey(rig.purchaseOrderId()) && firstUse.size() == limit) {
                if (beyondLimit.add(rig.purchaseOrderId()) && beyondLimit.size() == 1) {
                    violations.add(new Violation(field(i, "purchaseOrderId"),
                            "names more purchase orders than one request may name (at most " + limit + " purchase orders)"));
                }
                continue;
            }
            firstUse.putIfAbsent(rig.purchaseOrderId(), i);
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        if (trusted) {
            return;
        }
        Map<UUID, Optional<Set<Integer>>> lines = new HashMap<>();
        for (UUID id : firstUse.keySet()) {
            lines.put(id, linesOf(org, id));
        }
        for (int i = 0; i < rigs.size(); i++) {
            NewRig rig = rigs.get(i);
            if (rig.purchaseOrderId() == null) {
                continue;
            }
            Optional<Set<Integer>> known = lines.get(rig.purchaseOrderId());
            if (known.isEmpty()) {
                violations.add(new Violation(field(i, "purchaseOrderId"),
                        "is not a purchase order of your organisation: " + rig.purchaseOrderId()));
            } else if (rig.orderLineNumber() != null && !known.get().contains(rig.orderLineNumber())) {
                violations.add(new Violation(field(i, "orderLineNumber"),
                        "is not a line of the purchase order: " + rig.purchaseOrderId() + " has no line " + rig.orderLineNumber()));
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
    }

    private Optional<Set<Integer>> linesOf(String org, UUID id) {
        try {
            return Optional.of(orders.lineNumbers(org, id));
        } catch (UnknownOrderException e) {
            return Optional.empty();
        }
    }

    private static String field(int i, String name) {
        return "rigs[" + i + "]." + name;
    }
}

package io.rigledger.procurement.receipt;

import io.quarkus.scheduler.Scheduled;
import io.rigledger.platform.problem.ProblemException;
import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.ProcurementConfig;
import io.rigledger.procurement.cost.LandedCosts.Parts;
import io.rigledger.procurement.order.LandedCostService;
import io.rigledger.procurement.order.LandedCostView;
import io.rigledger.procurement.order.OrderStore;
import io.rigledger.procurement.order.OrderStore.OrderWithLines;
import io.rigledger.procurement.receipt.RigLandedCosts.OrderRig;
import io.rigledger.procurement.shipment.ShippedRig;
import io.rigledger.procurement.upstream.InventoryLandedCosts;
import io.rigledger.procurement.upstream.InventoryLandedCosts.CostRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps each received rig's landed cost in inventory-service equal to the order's landed cost
 * (issue 10 item 8): registration gives a rig its quote share; once a customs entry covers it, its
 * share of the entry's allocation; and after an origin audit or a correction changes the allocation,
 * the new share. Every {@code rigledger.procurement.landed-cost.every} each replica takes due orders
 * ({@link RigLandedCosts#claim}, FOR UPDATE SKIP LOCKED and a lease), reads their landed cost outside
 * any transaction ({@link LandedCostService}) and PUTs each registered rig's cost that differs from
 * what its asset was last given (a PUT replaces the value, so a repeat after a crash is harmless).
 * A rig back from RMA keeps the cost of the shipment that first brought it in. Each order is looked at
 * again after {@code recheck} (PT1M by default, cheap since unchanged costs are not sent), so an origin
 * audit reaches the rigs within about a minute; a cost inventory-service refused is not recorded as
 * sent and its order is tried again after {@code backoff}; any other failure of one order is logged
 * and that order backed off, the rest of the batch goes on.
 */
@ApplicationScoped
public class LandedCostRefresh {

    private static final Logger LOG = Logger.getLogger(LandedCostRefresh.class);

    private final RigLandedCosts store;
    private final OrderStore orders;
    private final LandedCostService landedCosts;
    private final InventoryLandedCosts inventory;
    private final ProcurementConfig.LandedCost config;

    LandedCostRefresh(RigLandedCosts store, OrderStore orders, LandedCostService landedCosts, InventoryLandedCosts inventory,
                      ProcurementConfig config) {
        this.store = store;
        this.orders = orders;
        this.landedCosts = landedCosts;
        this.inventory = inventory;
        this.config = config.landedCost();
    }

    @Scheduled(identity = "refresh-rig-landed-costs", every = "${rigledger.procurement.landed-cost.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /**
     * One round over the due orders.
     *
     * @return how many rigs' landed cost inventory-service was sent
     */
    @ActivateRequestContext
    public int runOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int sent = 0;
        for (UUID id : store.claim(now, now.plus(config.lease()), config.batch())) {
            try {
                Optional<OrderWithLines> found = orders.find(id);
                if (found.isEmpty()) {
                    continue;
                }
                Outcome outcome = refresh(found.get(), landedCosts.of(found.get()));
                sent += outcome.sent();
                store.next(id, now.plus(outcome.refused() ? config.backoff() : config.recheck()));
            } catch (UpstreamUnavailableException | CircuitBreakerOpenException e) {
                store.next(id, now.plus(config.backoff()));
            } catch (ProblemException e) {
                // no landed cost yet (estimate PENDING): the re-quote fills it in; look again later
                store.next(id, now.plus(config.recheck()));
            } catch (RuntimeException e) {
                // one order's failure (e.g. an allocation that does not add up) never starves the others in the batch
                LOG.errorf(e, "landed cost of order %s not refreshed; trying again after %s", id, config.backoff());
                store.next(id, now.plus(config.backoff()));
            }
        }
        return sent;
    }

    /** Of one order: how many rigs' cost inventory-service took, and whether it refused any (tried again after the backoff). */
    private record Outcome(int sent, boolean refused) {
    }

    private Outcome refresh(OrderWithLines order, LandedCostView cost) {
        List<OrderRig> rigs = store.rigsOf(order.order().id);
        Map<Integer, Integer> uncoveredSeen = new HashMap<>();
        String reason = cost.entryIds() == null ? "quote " + cost.quoteId()
                : "entry allocation " + cost.entryIds().get(0) + (cost.entryIds().size() > 1 ? " and others" : "");
        int sent = 0;
        boolean refused = false;
        for (OrderRig rig : rigs) {
            int rank = 0;
            if (!cost.covers(rig.lineNumber(), rig.serialNumber())) {
                rank = uncoveredSeen.merge(rig.lineNumber(), 1, Integer::sum);
            }
            if (!ShippedRig.REGISTERED.equals(rig.status()) || rig.assetId() == null || !rig.owner()) {
                continue;
            }
            Parts parts = cost.rig(rig.lineNumber(), rig.serialNumber(), rank);
            if (same(parts, rig.pushed())) {
                continue;
            }
            try {
                inventory.set(order.order().org, rig.assetId(), parts.price(), parts.duty(), parts.fees(), reason);
            } catch (CostRefusedException e) {
                // not recorded as sent: the order is looked at again after the backoff
                LOG.warnf("rig %s of order %s: %s; trying again after %s", rig.assetId(), order.order().id, e.getMessage(),
                        config.backoff());
                refused = true;
                continue;
            }
            store.pushed(rig, parts);
            sent++;
        }
        return new Outcome(sent, refused);
    }

    private static boolean same(Parts a, Parts b) {
        return b != null && a.price().compareTo(b.price()) == 0 && a.duty().compareTo(b.duty()) == 0
                && a.fees().compareTo(b.fees()) == 0;
    }
}

package io.rigledger.procurement.receipt;

import io.quarkus.scheduler.Scheduled;
import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.ProcurementConfig;
import io.rigledger.procurement.receipt.RigOutbox.Delivered;
import io.rigledger.procurement.receipt.RigOutbox.Due;
import io.rigledger.procurement.upstream.InventoryRigs;
import io.rigledger.procurement.upstream.InventoryRigs.Registered;
import io.rigledger.procurement.upstream.InventoryRigs.RigToRegister;
import io.rigledger.procurement.upstream.InventoryRigs.RigsRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivers the rig outbox to inventory-service: every {@code rigledger.procurement.delivery.every}
 * each replica takes a batch of due rows ({@link RigOutbox#claim}), posts them outside any
 * transaction, one registerRigBatch per organisation, and records the asset ids inventory-service
 * answered, or REFUSED with inventory-service's reason for a rig it holds from another order and did
 * not take back from RMA on this receipt. Unavailable: the rows wait backoff x 2^attempts. A batch
 * inventory-service refuses (400/422) is sent again rig by rig, so one bad rig holds up only itself.
 */
@ApplicationScoped
public class RigDelivery {

    private static final Logger LOG = Logger.getLogger(RigDelivery.class);

    private final RigOutbox outbox;
    private final InventoryRigs inventory;
    private final ProcurementConfig.Delivery config;

    RigDelivery(RigOutbox outbox, InventoryRigs inventory, ProcurementConfig config) {
        this.outbox = outbox;
        this.inventory = inventory;
        this.config = config.delivery();
    }

    @Scheduled(identity = "deliver-received-rigs", every = "${rigledger.procurement.delivery.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        runOnce();
    }

    /**
     * One round: takes one batch of due rows and delivers it.
     *
     * @return how many rigs inventory-service answered: registered, or refused as held from another order
     */
    @ActivateRequestContext
    public int runOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Due> due = outbox.claim(now, now.plus(config.lease()), config.batch());
        Map<String, List<Due>> byOrg = new LinkedHashMap<>();
        for (Due d : due) {
            byOrg.computeIfAbsent(d.org(), k -> new ArrayList<>()).add(d);
        }
        int confirmed = 0;
        for (Map.Entry<String, List<Due>> e : byOrg.entrySet()) {
            confirmed += deliver(e.getKey(), e.getValue(), now, true);
        }
        return confirmed;
    }

    private int deliver(String org, List<Due> rows, Instant now, boolean splitWhenRefused) {
        List<RigToRegister> rigs = rows.stream().map(Due::rig).map(r -> new RigToRegister(r.manufacturer(), r.serialNumber(),
                r.model(), r.originCountry(), r.plant(), r.mac(), r.orderId(), r.lineNumber(), r.price(), r.duty(), r.fees(),
                r.receiptId())).toList();
        try {
            List<Registered> answers = inventory.register(org, rigs);
            List<Delivered> done = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Registered answer = answers.get(i);
                if (answer.refusal() != null) {
                    LOG.warnf("rig %s of %s not received on order %s: %s", answer.serialNumber(), org, rows.get(i).rig().orderId(),
                            answer.refusal());
                }
                done.add(new Delivered(rows.get(i).id(), answer.assetId(), answer.refusal()));
            }
            outbox.delivered(done, Instant.now().truncatedTo(ChronoUnit.MICROS));
            return done.size();
        } catch (RigsRefusedException refused) {
            if (splitWhenRefused && rows.size() > 1) {
                int confirmed = 0;
                for (Due row : rows) {
                    confirmed += deliver(org, List.of(row), now, false);
                }
                return confirmed;
            }
            LOG.warnf("inventory-service refused rig %s of %s: %s", rows.get(0).rig().serialNumber(), org, refused.getMessage());
            postpone(rows, refused.getMessage(), now);
        } catch (UpstreamUnavailableException | CircuitBreakerOpenException unavailable) {
            postpone(rows, "inventory-service unavailable: " + unavailable.getMessage(), now);
        }
        return 0;
    }

    private void postpone(List<Due> rows, String reason, Instant now) {
        outbox.failed(rows.stream().map(Due::id).toList(), reason == null ? "unknown" : reason, now, config.backoff(),
                config.maxBackoff());
    }
}

package io.rigledger.platform.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes expired Idempotency-Key records every {@code rigledger.idempotency.purge-every} (1h; "off"
 * disables it). Runs in the services that have the Quarkus scheduler and an {@code idempotency_record}
 * table (procurement-service, tariff-service); a service without the scheduler never creates it.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private final Idempotency idempotency;

    IdempotencyPurge(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Scheduled(identity = "purge-idempotency-keys", every = "${rigledger.idempotency.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        idempotency.purgeExpired();
    }
}

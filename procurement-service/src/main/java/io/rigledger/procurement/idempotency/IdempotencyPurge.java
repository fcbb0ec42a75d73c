package io.rigledger.procurement.idempotency;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Deletes expired Idempotency-Key records every {@code rigledger.procurement.idempotency.purge-every}. */
@ApplicationScoped
public class IdempotencyPurge {

    private final Idempotency idempotency;

    IdempotencyPurge(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    @Scheduled(identity = "purge-idempotency-keys", every = "${rigledger.procurement.idempotency.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        idempotency.purgeExpired();
    }
}

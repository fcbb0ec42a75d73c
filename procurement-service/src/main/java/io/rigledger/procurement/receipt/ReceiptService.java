package io.rigledger.procurement.receipt;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.platform.idempotency.Answer;
import io.rigledger.platform.idempotency.Claim;
import io.rigledger.platform.idempotency.Idempotency;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Receives shipped rigs at a site: the receipt and the outbox rows that register each rig in
 * inventory-service commit together ({@link ReceiptStore}); {@link RigDelivery} delivers them.
 */
@ApplicationScoped
public class ReceiptService {

    private final ReceiptStore store;
    private final Idempotency idempotency;
    private final ObjectMapper json;

    ReceiptService(ReceiptStore store, Idempotency idempotency, ObjectMapper json) {
        this.store = store;
        this.idempotency = idempotency;
        this.json = json;
    }

    /**
     * Records a receipt; 201 with its Location, or the stored answer of an earlier request with
     * the same Idempotency-Key.
     *
     * @param base the server's base URL, to which api/receipts/{id} is appended for Location
     * @throws io.rigledger.platform.problem.ProblemException 400 naming receivedAt when it is no calendar
     *         instant; then as {@link ReceiptStore#receive}
     */
    public Answer receive(UUID shipmentId, String org, String createdBy, NewReceipt request, Claim claim, String base) {
        Instant arrived = request.arrivedAt(Instant.now().truncatedTo(ChronoUnit.MICROS));
        return idempotency.once(claim, c -> {
            UUID id = UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            return store.receive(new ReceiptStore.Draft(id, shipmentId, org, createdBy, now, arrived, request), c,
                    view -> answer(view, base + "api/receipts/" + id));
        });
    }

    /** The receipt with each rig as it stands (waiting for inventory-service or registered), if it is this organisation's. */
    public Optional<ReceiptView> find(UUID id, String org) {
        return store.find(id, org);
    }

    private Answer answer(ReceiptView view, String location) {
        return Answer.of(json, 201, view, location, null);
    }
}

package io.rigledger.platform.idempotency;

/**
 * Thrown inside a request's transaction when another request with the same Idempotency-Key
 * committed first: the transaction rolls back and {@link Idempotency#once} answers the stored response.
 */
public class AlreadyAnswered extends RuntimeException {

    public AlreadyAnswered(Claim claim) {
        super("Idempotency-Key " + claim.key() + " was answered by another request", null, false, false);
    }
}

package io.rigledger.procurement.idempotency;

/**
 * What a POST answered, as sent and as stored under its Idempotency-Key.
 *
 * @param status   HTTP status (201, 200)
 * @param body     the JSON body exactly as sent
 * @param location the Location header, or null
 * @param etag     the ETag header, or null
 * @param replayed true when this is the stored answer to an earlier request with the same key
 */
public record Answer(int status, String body, String location, String etag, boolean replayed) {

    /** The same answer, marked as replayed. */
    public Answer asReplay() {
        return new Answer(status, body, location, etag, true);
    }
}

package io.rigledger.platform.idempotency;

/**
 * One request's Idempotency-Key, scoped to the caller's organisation, with the fingerprint of
 * what was asked (method, path and body).
 *
 * @param org  the caller's organisation
 * @param key  the Idempotency-Key header as sent
 * @param hash SHA-256 (hex) of the request's method, path and canonical JSON body
 */
public record Claim(String org, String key, String hash) {
}

package io.rigledger.platform.ratelimit;

/**
 * What one request took from its caller's quota, as the RateLimit headers
 * (draft-ietf-httpapi-ratelimit-headers) and Retry-After (RFC 9110) report it.
 *
 * @param allowed           whether the request may go on; false means 429
 * @param limit             requests per window (RateLimit-Limit)
 * @param remaining         requests left in the current window after this one (RateLimit-Remaining)
 * @param resetSeconds      whole seconds, rounded up, until the quota is full again (RateLimit-Reset; 0 when it is full)
 * @param retryAfterSeconds when refused: whole seconds, rounded up and at least 1, until the next request is
 *                          allowed (Retry-After); 0 when allowed
 */
public record Quota(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}

/**
 * HTTP concerns every /api endpoint shares: request limits answered as problem+json
 * ({@link io.rigledger.platform.http.HttpLimits}), JSON-only bodies ({@link io.rigledger.platform.http.JsonBodies}),
 * path parameters ({@link io.rigledger.platform.http.Params}) and ETag/If-Match
 * ({@link io.rigledger.platform.http.ETags}).
 *
 * <p>A per-caller rate limiter plugs in here as one more {@code ContainerRequestFilter}: it reads
 * {@code PlatformConfig.rateLimit()}, keys on {@code Caller.subject()} (or the client address without a
 * token) and refuses with {@code Problems.tooManyRequests(retryAfterSeconds)}, which answers 429 with
 * Retry-After; the RateLimit-* headers go on through a response filter beside it.
 */
package io.rigledger.platform.http;

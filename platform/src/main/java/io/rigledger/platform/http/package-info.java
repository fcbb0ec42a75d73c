/**
 * HTTP concerns every /api endpoint shares: request limits answered as problem+json
 * ({@link io.rigledger.platform.http.HttpLimits}), JSON-only bodies ({@link io.rigledger.platform.http.JsonBodies}),
 * path parameters ({@link io.rigledger.platform.http.Params}) and ETag/If-Match
 * ({@link io.rigledger.platform.http.ETags}).
 *
 * <p>Per-caller rate limits and their RateLimit headers are
 * {@link io.rigledger.platform.ratelimit.RateLimitFilter}.
 */
package io.rigledger.platform.http;

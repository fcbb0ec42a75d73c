package io.rigledger.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * The settings every service shares, under {@code rigledger.*} in application.properties (each
 * one also an environment variable: {@code rigledger.page.max-limit} is RIGLEDGER_PAGE_MAX_LIMIT).
 * A service's own settings live in its own mapping under {@code rigledger.<service>.*}.
 */
@ConfigMapping(prefix = "rigledger")
public interface PlatformConfig {

    Page page();

    Org org();

    Dates dates();

    Http http();

    RateLimit rateLimit();

    Idempotency idempotency();

    TokenCache tokenCache();

    /** Keyset paging, the same in every service: {@code ?limit=&cursor=}. */
    interface Page {
        /** Page size when no limit is given. */
        @WithDefault("100")
        int defaultLimit();

        /** The largest limit a client may ask for; more is 400 naming {@code limit}. */
        @WithDefault("1000")
        int maxLimit();

        /** The longest cursor accepted (the contracts' maxLength); longer is 400 naming {@code cursor}. */
        @WithDefault("200")
        int maxCursorLength();

        /**
         * The secret that signs every cursor (HMAC-SHA256): at least 32 random bytes written in base64
         * (or base64url), e.g. {@code openssl rand -base64 32}; environment RIGLEDGER_PAGE_CURSOR_KEY. No
         * default: a service refuses to start without it (Paging). Every replica of a service needs the
         * same key, or a cursor from one replica is 400 on the next; a new key (rotation) makes every
         * cursor issued before it 400 naming cursor, and the client asks for the first page again.
         * application.properties gives %dev and %test a fixed, public test-only value.
         */
        Optional<String> cursorKey();
    }

    /** The caller's organisation (its form is fixed by the realm: see Organisations). */
    interface Org {
        /** The claim Keycloak's org attribute mapper writes. */
        @WithDefault("org")
        String claim();
    }

    /** The dates any JSON body may carry, and the window of dates of entry. */
    interface Dates {
        /** The earliest date any field accepts (keeps every date inside PostgreSQL's and the domain's range). */
        @WithDefault("1900-01-01")
        LocalDate earliest();

        /** The latest date any field accepts. */
        @WithDefault("2199-12-31")
        LocalDate latest();

        Entry entry();

        /** Dates of entry (CBP): the supported schedule starts 2019-01-01; quotes look at most this far ahead. */
        interface Entry {
            @WithDefault("2019-01-01")
            LocalDate earliest();

            /** How far after today (UTC) a date of entry may be. */
            @WithDefault("P1Y")
            Period maxAhead();
        }
    }

    /** Request-size limits answered as problem+json (414, 431); the body limit is quarkus.http.limits.max-body-size. */
    interface Http {
        /** Longest request target (path and query), in characters; room for every documented parameter. */
        @WithDefault("16384")
        int maxUriLength();

        /** Most bytes of request headers (names and values). */
        @WithDefault("16384")
        int maxHeaderBytes();
    }

    /**
     * Per-caller rate limits on every /api request (io.rigledger.platform.ratelimit): each caller,
     * the token's subject or, without a valid token, the client address, may make at most
     * {@link #requests()} requests per {@link #period()}; the quota refills whole at the end of each
     * of its periods. Environment: RIGLEDGER_RATE_LIMIT_ENABLED, RIGLEDGER_RATE_LIMIT_REQUESTS,
     * RIGLEDGER_RATE_LIMIT_PERIOD (ISO-8601, e.g. PT1M), RIGLEDGER_RATE_LIMIT_MAX_CALLERS.
     */
    interface RateLimit {
        /** Off only where a load test must not be throttled (benchmarks); on by default. */
        @WithDefault("true")
        boolean enabled();

        /** Requests per caller per period (the RateLimit-Limit header); the contracts allow 1..1000000. */
        @WithDefault("600")
        @Min(1)
        @Max(1_000_000)
        int requests();

        /** Length of one window; at least one second and at most one day (RateLimit-Reset is at most 86400 s). */
        @WithDefault("PT1M")
        Duration period();

        /**
         * The most callers whose quotas are held at once. A caller idle for a whole period has a full
         * quota again, so its bucket is dropped then; beyond this many, the least recently seen go
         * first (each bucket is a few hundred bytes).
         */
        @WithDefault("100000")
        @Min(100)
        @Max(10_000_000)
        int maxCallers();
    }

    /**
     * Idempotency-Key records (io.rigledger.platform.idempotency) of the services that store answers.
     * Environment: RIGLEDGER_IDEMPOTENCY_TTL, RIGLEDGER_IDEMPOTENCY_PURGE_EVERY.
     */
    interface Idempotency {
        /** How long an answer is kept and replayed under its key (ISO-8601 duration, 24 h). */
        @WithDefault("PT24H")
        Duration ttl();

        /** Quarkus scheduler interval of deleting expired records, e.g. 1h; "off" disables it. */
        @WithDefault("1h")
        String purgeEvery();
    }

    /**
     * Verified bearer tokens' identities kept until the token expires (io.rigledger.platform.caller.VerifiedTokens).
     * Environment: RIGLEDGER_TOKEN_CACHE_ENABLED, RIGLEDGER_TOKEN_CACHE_MAX_SIZE, RIGLEDGER_TOKEN_CACHE_MAX_AGE.
     */
    interface TokenCache {
        /** On by default; off, every request's token is verified by Quarkus OIDC. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The most tokens held at once (least recently used first out); each entry is the token (about 1 KB) and
         * its identity (its claims), a few KB in all.
         */
        @WithDefault("2000")
        @Min(1)
        @Max(1_000_000)
        int maxSize();

        /** The longest an entry is kept, whatever the token's exp (the realm's access tokens live 5 minutes). */
        @WithDefault("PT5M")
        Duration maxAge();
    }
}

package io.rigledger.platform.caller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.rigledger.platform.config.PlatformConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The identities of bearer tokens Quarkus OIDC has verified, kept for the rest of each token's lifetime so a caller
 * that sends the same token again (a person's access token for its 5 minutes, a service account's client-credentials
 * token until it is renewed) is not verified and parsed again: Quarkus OIDC checks the RS256 signature (jose4j),
 * parses the claims with jose4j, decodes them again into a Vert.x JsonObject and parses that once more with jose4j to
 * build the principal, on every request (about 0.1 MB of lexer buffers and strings per request, and the RSA check;
 * docs/orders.md "Speed"). Quarkus OIDC caches only token introspection and UserInfo answers
 * ({@code quarkus.oidc.token-cache.*}), not a locally verified JWT (quarkusio/quarkus#29777, open), hence this.
 *
 * <p>Rules, each tested (procurement-service VerifiedTokensTest):
 * <ul>
 *   <li>the key is the whole token as sent (header, claims and signature): a token differing in any character, such as
 *       the same claims under another signature or another organisation's token of the same person, is another entry
 *       and is verified by Quarkus OIDC first;</li>
 *   <li>only an identity Quarkus OIDC built from a verified JWT ({@link OidcJwtCallerPrincipal}) is kept
 *       ({@link VerifiedTokenKeeper}); a token it refused (bad signature, wrong issuer or audience, expired, not yet
 *       valid) raised an authentication failure and is never kept, so it is refused again on every request;</li>
 *   <li>an entry is served only while the token is valid: until its {@code exp} (the same second jose4j stops
 *       accepting it, no clock skew being configured), and never longer than
 *       {@code rigledger.token-cache.max-age}; after that Quarkus OIDC sees the token again and refuses it as expired;</li>
 *   <li>at most {@code rigledger.token-cache.max-size} tokens are held (least recently used first out).</li>
 * </ul>
 * What a kept token skips is only what cannot change during its lifetime (signature, issuer, audience, claims). The
 * one thing a cache changes: a token signed with a key the issuer withdraws is still accepted for at most the rest of
 * its lifetime (five minutes in the realm), as it would be by any service that verified it before the rotation.
 *
 * <p>An identity is request-independent except for two attributes Quarkus OIDC sets from the request's
 * {@link RoutingContext}; the kept copy holds neither (it would keep the first request alive), and each request's copy
 * gets its own.
 */
@Singleton
public class VerifiedTokens {

    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    /** A verified token's identity, without request attributes, and its exp in epoch seconds. */
    record Verified(SecurityIdentity identity, long expiresAt) {
    }

    private final boolean enabled;
    private final Clock clock;
    private final Cache<String, Verified> kept;

    @Inject
    public VerifiedTokens(PlatformConfig config) {
        this(config.tokenCache(), Clock.systemUTC());
    }

    /**
     * @param settings enabled, max-size, max-age
     * @param clock    the wall clock the tokens' exp is compared with (tests move their own)
     */
    VerifiedTokens(PlatformConfig.TokenCache settings, Clock clock) {
        this.enabled = settings.enabled();
        this.clock = clock;
        long maxAgeNanos = settings.maxAge().toNanos();
        this.kept = Caffeine.newBuilder()
                .maximumSize(settings.maxSize())
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String token, Verified v, long now) {
                        long left = TimeUnit.MILLISECONDS.toNanos(v.expiresAt() * 1000 - clock.millis());
                        return Math.max(0, Math.min(left, maxAgeNanos));
                    }

                    @Override
                    public long expireAfterUpdate(String token, Verified v, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, Verified v, long now, long current) {
                        return current;
                    }
                })
                .executor(Runnable::run)
                .build();
    }

    /**
     * The identity of a token verified before and still valid, for this request.
     *
     * @param token   the bearer value as sent
     * @param request the request's routing context (null outside HTTP)
     * @return the identity with this request's attributes, or null when the token was not verified before, has expired
     *         or the cache is off: Quarkus OIDC then verifies it
     */
    public SecurityIdentity find(String token, RoutingContext request) {
        if (!enabled || token == null) {
            return null;
        }
        Verified v = kept.getIfPresent(token);
        if (v == null) {
            return null;
        }
        if (clock.millis() / 1000 >= v.expiresAt()) {
            // Caffeine drops it at exp on its own clock; this is the token's own rule on the wall clock
            kept.invalidate(token);
            return null;
        }
        QuarkusSecurityIdentity.Builder copy = copyOf(v.identity()).addAttribute(ROUTING_CONTEXT, request);
        if (request != null) {
            copy.addAttribute(REQUEST_CONTEXT, request.get(REQUEST_CONTEXT));
        }
        return copy.build();
    }

    /**
     * Keeps the identity Quarkus OIDC built for a verified bearer JWT; anything else is ignored (anonymous, another
     * mechanism's identity, an opaque token, an identity without an expiry).
     */
    public void keep(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || !(identity.getPrincipal() instanceof OidcJwtCallerPrincipal principal)) {
            return;
        }
        long expiresAt = principal.getExpirationTime();
        if (!(principal.getCredential() instanceof AccessTokenCredential credential) || credential.isOpaque()
                || credential.getToken() == null || expiresAt <= 0 || kept.getIfPresent(credential.getToken()) != null) {
            return;
        }
        kept.put(credential.getToken(), new Verified(copyOf(identity).build(), expiresAt));
    }

    /**
     * A new identity with the same principal, roles, credentials, attributes but the request's two, and possessed
     * permissions (the token's scopes) as Quarkus OIDC's. Not {@code QuarkusSecurityIdentity.builder(identity)}: that one asks the original
     * identity's permission checks, so the copy would hold on to it (and to its request).
     */
    private static QuarkusSecurityIdentity.Builder copyOf(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(withoutRequest(identity.getAttributes()))
                .addPermissions(identity.getPermissions());
    }

    private static Map<String, Object> withoutRequest(Map<String, Object> attributes) {
        Map<String, Object> copy = new HashMap<>(attributes);
        copy.remove(ROUTING_CONTEXT);
        copy.remove(REQUEST_CONTEXT);
        return copy;
    }

    /** Whether this exact token is held now (tests). */
    public boolean holds(String token) {
        return kept.getIfPresent(token) != null;
    }
}

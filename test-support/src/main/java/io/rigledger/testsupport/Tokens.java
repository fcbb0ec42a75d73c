package io.rigledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.jwt.Claims;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Real RS256-signed access tokens that the services accept when they run against
 * {@code OidcWiremockTestResource}: same key, issuer and shape as Keycloak's (roles in
 * {@code groups}, the organisation in {@code org}).
 *
 * <p>Service config for tests: {@code %test.quarkus.oidc.auth-server-url=${keycloak.url}/realms/quarkus/}.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    /** Keycloak's audience mappers name the services a token is meant for; so do these tokens. */
    public static final Set<String> AUDIENCE = Set.of("procurement-service", "inventory-service", "tariff-service");
    private static final String SIGNING_KEY = "privateKey.jwk"; // shipped by quarkus-test-oidc-server
    private static final KeyPair OTHER_KEY = rsaKeyPair();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    public static String operator(String org) {
        return user("operator-" + org, org, "operator");
    }

    public static String finance(String org) {
        return user("finance-" + org, org, "finance");
    }

    public static String ops(String org) {
        return user("ops-" + org, org, "ops");
    }

    /** An admin has no organisation. */
    public static String admin() {
        return user("ada", null, "admin");
    }

    /** A service account (client-credentials) token: role service, no organisation. */
    public static String service(String clientId) {
        return sign(claims("service-account-" + clientId, null, Set.of("service")), Duration.ofMinutes(5));
    }

    /**
     * A service account token like {@link #service(String)} that stays valid for {@code lifetime}:
     * for a benchmark that runs longer than the usual five minutes (a loaded machine starts slowly).
     */
    public static String service(Duration lifetime, String clientId) {
        return sign(claims("service-account-" + clientId, null, Set.of("service")), lifetime);
    }

    /** A person's token like {@link #user(String, String, String...)} that stays valid for {@code lifetime} (benchmarks). */
    public static String user(Duration lifetime, String userName, String org, String... roles) {
        return sign(claims(userName, org, Set.of(roles)), lifetime);
    }

    /** A person's token; {@code org} may be null for people without an organisation. */
    public static String user(String userName, String org, String... roles) {
        return sign(claims(userName, org, Set.of(roles)), Duration.ofMinutes(5));
    }

    /** A correctly signed token that expired an hour ago. */
    public static String expired(String org, String... roles) {
        JwtClaimsBuilder b = claims("late", org, Set.of(roles));
        Instant past = Instant.now().minus(Duration.ofHours(2));
        b.issuedAt(past).expiresAt(past.plus(Duration.ofHours(1)));
        return b.jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A correctly signed token meant for other services only. */
    public static String forAudience(String audience, String org, String... roles) {
        return sign(claims("elsewhere", org, Set.of(roles), Set.of(audience)), Duration.ofMinutes(5));
    }

    /** A correctly signed token whose nbf (not before) is an hour from now. */
    public static String notYetValid(String org, String... roles) {
        JwtClaimsBuilder b = claims("early", org, Set.of(roles));
        Instant now = Instant.now();
        b.issuedAt(now).claim(Claims.nbf.name(), now.plus(Duration.ofHours(1)).getEpochSecond())
                .expiresAt(now.plus(Duration.ofHours(2)));
        return b.jws().keyId("1").sign(SIGNING_KEY);
    }

    /** A correctly signed token from another issuer (as Keycloak reached under another host name would issue). */
    public static String fromIssuer(String issuer, String org, String... roles) {
        return sign(claims("stranger", org, Set.of(roles)).issuer(issuer), Duration.ofMinutes(5));
    }

    /** A token whose claims are fine but which is signed with a key the issuer never published (same kid). */
    public static String signedWithAnotherKey(String org, String... roles) {
        Instant now = Instant.now();
        return claims("forger", org, Set.of(roles)).issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)))
                .jws().keyId("1").sign(OTHER_KEY.getPrivate());
    }

    /**
     * A token of another realm: another issuer, signed with a key (and kid) this service's issuer
     * never published, as a token fetched from Keycloak's master realm would be.
     */
    public static String fromAnotherRealm(String org, String... roles) {
        Instant now = Instant.now();
        return claims("stranger", org, Set.of(roles)).issuer(ISSUER + "/realms/master").issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5))).jws().keyId("master-realm-key").sign(OTHER_KEY.getPrivate());
    }

    /**
     * The organisation a request acts for, as a service sees it, for a fake neighbour (which trusts the
     * signature: the service under test checked it): the token's {@code org} claim; for a service account
     * (role service in {@code groups}, no {@code org}) the {@code X-On-Behalf-Of-Org} value it sent.
     *
     * @param authorization the request's Authorization header ("Bearer &lt;JWT&gt;"), may be null
     * @param onBehalfOf the request's X-On-Behalf-Of-Org header, may be null
     * @return the organisation, or null when there is no readable bearer token or it names none
     */
    public static String actingOrg(String authorization, String onBehalfOf) {
        JsonNode claims = claimsOf(authorization);
        if (claims == null) {
            return null;
        }
        if (claims.path("org").isTextual()) {
            return claims.path("org").asText();
        }
        for (JsonNode group : claims.path("groups")) {
            if ("service".equals(group.asText())) {
                return onBehalfOf;
            }
        }
        return null;
    }

    /**
     * The {@code org} claim of a bearer token, unverified (for fakes, as {@link #actingOrg}).
     *
     * @param authorization "Bearer &lt;JWT&gt;", may be null
     * @return the claim, or null when absent or the value is no readable JWT
     */
    public static String orgClaim(String authorization) {
        JsonNode claims = claimsOf(authorization);
        return claims == null ? null : claims.path("org").asText(null);
    }

    /** A bearer token's payload, unverified; null when the header holds no readable JWT. */
    private static JsonNode claimsOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring("Bearer ".length()).split("\\.");
        try {
            return parts.length < 2 ? null
                    : JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** A bearer value that is not a JWT at all. */
    public static String notAJwt() {
        return "not-a-jwt";
    }

    private static JwtClaimsBuilder claims(String userName, String org, Set<String> roles) {
        return claims(userName, org, roles, AUDIENCE);
    }

    private static JwtClaimsBuilder claims(String userName, String org, Set<String> roles, Set<String> audience) {
        JwtClaimsBuilder b = Jwt.preferredUserName(userName)
                .subject(UUID.nameUUIDFromBytes(userName.getBytes()).toString())
                .groups(roles)
                .issuer(ISSUER)
                .audience(audience);
        if (org != null) {
            b.claim("org", org);
        }
        return b;
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no RSA", e);
        }
    }

    private static String sign(JwtClaimsBuilder b, Duration lifetime) {
        Instant now = Instant.now();
        return b.issuedAt(now).expiresAt(now.plus(lifetime)).jws().keyId("1").sign(SIGNING_KEY);
    }
}

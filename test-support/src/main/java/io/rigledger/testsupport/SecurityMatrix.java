package io.rigledger.testsupport;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 401/403 matrix every service proves, from one helper: for each endpoint, no token, every
 * kind of refused token (RFC 6750 answers with the reason), and every role, allowed or denied.
 * A service's test states only its endpoints and their roles:
 *
 * <pre>{@code
 * static final List<Endpoint> ENDPOINTS = List.of(endpoint("listRigs", "GET", "/api/rigs", null, "operator", "finance", "ops"));
 * static List<SecurityMatrix.Case> cases() { return SecurityMatrix.cases(ENDPOINTS); }
 * @ParameterizedTest @MethodSource("cases")
 * void onlyTheNamedRolesGetThrough(SecurityMatrix.Case c) { c.check(CONTRACT); }
 * }</pre>
 *
 * Every answer is validated against the contract, so each 401 and 403 must be documented there.
 */
public final class SecurityMatrix {

    /** Every role the realm issues. */
    public static final Set<String> ROLES = Set.of("operator", "finance", "ops", "admin", "service");
    /** The detail of a 403 for the caller's roles (a 403 for another organisation's data says otherwise). */
    static final String ROLE_REFUSAL = "your roles do not allow this operation";

    private SecurityMatrix() {
    }

    /**
     * One operation of the contract and the roles it allows.
     *
     * @param path a concrete path (path parameters filled in)
     * @param json the body to send (an example of the contract), or null for none
     */
    public record Endpoint(String operationId, String method, String path, String json, Set<String> roles) {
        @Override
        public String toString() {
            return operationId;
        }
    }

    public static Endpoint endpoint(String operationId, String method, String path, String json, String... roles) {
        Set<String> allowed = Set.of(roles);
        if (!ROLES.containsAll(allowed)) {
            throw new IllegalArgumentException("unknown role among " + allowed);
        }
        return new Endpoint(operationId, method, path, json, allowed);
    }

    /** Fails unless the endpoints name every operation of the contract, so a new one cannot skip the matrix. */
    public static void assertCoversEveryOperation(String contract, List<Endpoint> endpoints) {
        assertEquals(new TreeSet<>(ContractExamples.operationIds(contract)),
                endpoints.stream().map(Endpoint::operationId).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The ways a bearer token is refused, and the words its error_description and detail must contain. */
    public enum Refusal {
        NO_TOKEN(null, null),
        EXPIRED("expired", () -> Tokens.expired(org(), "operator", "finance", "ops")),
        NOT_YET_VALID("not valid yet", () -> Tokens.notYetValid(org(), "operator", "finance", "ops")),
        WRONG_AUDIENCE("audience", () -> Tokens.forAudience("some-other-api", org(), "operator", "finance", "ops")),
        WRONG_ISSUER("issuer", () -> Tokens.fromIssuer("http://127.0.0.1:8180/realms/rigledger", org(), "operator",
                "finance", "ops")),
        ANOTHER_REALM("wrong issuer", () -> Tokens.fromAnotherRealm(org(), "operator", "finance", "ops")),
        BAD_SIGNATURE("signature", () -> Tokens.signedWithAnotherKey(org(), "operator", "finance", "ops")),
        NOT_A_JWT("not a JWT", Tokens::notAJwt);

        final String reason;
        final Supplier<String> token;

        Refusal(String reason, Supplier<String> token) {
            this.reason = reason;
            this.token = token;
        }
    }

    /** One cell of the matrix: an endpoint called with a refused token, or by one role. */
    public record Case(Endpoint endpoint, Refusal refusal, String role) {
        @Override
        public String toString() {
            return endpoint + " " + endpoint.method() + " " + endpoint.path() + " " + (refusal != null ? refusal.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    : role + (endpoint.roles().contains(role) ? " allowed" : " denied"));
        }

        /** Calls the endpoint and checks the answer against the matrix and the contract. */
        public void check(String contract) {
            if (refusal != null) {
                refused(contract);
            } else if (endpoint.roles().contains(role)) {
                // past the role check: any answer but 401, a 403 for the role, or a 5xx
                Response answer = call(contract, tokenOf(role));
                int status = answer.statusCode();
                boolean roleRefused = status == 403 && ROLE_REFUSAL.equals(answer.jsonPath().getString("detail"));
                assertTrue(status != 401 && !roleRefused && status < 500, this + " answered " + status + ": " + answer.asString());
            } else {
                Response answer = call(contract, tokenOf(role));
                assertEquals(403, answer.statusCode(), this + ": " + answer.asString());
                assertEquals("application/problem+json", answer.contentType());
                assertEquals(ROLE_REFUSAL, answer.jsonPath().getString("detail"), this.toString());
            }
        }

        private void refused(String contract) {
            Response answer = call(contract, refusal.token == null ? null : refusal.token.get());
            assertEquals(401, answer.statusCode(), this + ": " + answer.asString());
            assertEquals("application/problem+json", answer.contentType());
            String challenge = answer.header("WWW-Authenticate");
            if (refusal == Refusal.NO_TOKEN) {
                assertEquals("Bearer", challenge);
                return;
            }
            assertTrue(challenge != null && challenge.startsWith("Bearer error=\"invalid_token\", error_description=\"")
                    && challenge.contains(refusal.reason), this + ": WWW-Authenticate " + challenge);
            String detail = answer.jsonPath().getString("detail");
            assertTrue(detail != null && detail.contains(refusal.reason), this + ": detail " + detail);
        }

        private Response call(String contract, String token) {
            RequestSpecification request = given().filter(Contract.responses(contract));
            if (token != null) {
                request.auth().oauth2(token);
            }
            if (endpoint.json() != null) {
                request.contentType(ContentType.JSON).body(endpoint.json());
            }
            return request.request(endpoint.method(), endpoint.path());
        }
    }

    /** Every cell for these endpoints: each refusal, then each role. */
    public static List<Case> cases(List<Endpoint> endpoints) {
        List<Case> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            for (Refusal refusal : Refusal.values()) {
                cases.add(new Case(endpoint, refusal, null));
            }
            ROLES.stream().sorted().forEach(role -> cases.add(new Case(endpoint, null, role)));
        }
        return cases;
    }

    /** A token of one role: people get a fresh organisation of their own; admins and services have none. */
    static String tokenOf(String role) {
        return switch (role) {
            case "admin" -> Tokens.admin();
            case "service" -> Tokens.service("procurement-service");
            default -> Tokens.user(role + "-matrix", org(), role);
        };
    }

    private static String org() {
        return "matrix-" + UUID.randomUUID();
    }
}

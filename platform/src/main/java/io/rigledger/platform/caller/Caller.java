package io.rigledger.platform.caller;

import io.quarkus.oidc.runtime.OidcJwtCallerPrincipal;
import io.quarkus.security.identity.SecurityIdentity;
import io.rigledger.platform.config.PlatformConfig;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from the verified token: subject, user name, roles (the token's groups) and
 * organisation (claim {@code rigledger.org.claim}, checked by {@link Organisations}). Roles are
 * enforced by {@code @RolesAllowed} before a resource method runs; data is scoped with
 * {@link #org()}.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    PlatformConfig config;

    /** The token's subject (sub): a stable id of the user or service account. */
    public String subject() {
        return token.getSubject();
    }

    /** Who to record as having done something: the token's user name, else its subject. */
    public String userName() {
        String name = token.getName();
        return name == null || name.isBlank() ? token.getSubject() : name;
    }

    public Set<String> roles() {
        return identity.getRoles();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /**
     * The caller's organisation, which scopes every org-owned row.
     *
     * @throws io.rigledger.platform.problem.ProblemException 403 when the token names none, or names
     *                                                        one in a form the realm never issues
     */
    public String org() {
        return organisation().orElseThrow(() -> Problems.forbidden(
                "this operation works on an organisation's data and your token names no organisation"));
    }

    /**
     * The caller's organisation, or empty for callers that have none (admins, service accounts).
     *
     * @throws io.rigledger.platform.problem.ProblemException 403 when the claim is present but malformed
     */
    public Optional<String> organisation() {
        Object claim = claim(identity, token, config.org().claim());
        if (claim == null) {
            return Optional.empty();
        }
        String org = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (!Organisations.isValid(org)) {
            throw Problems.forbidden("your token's organisation is not a name this realm issues (" + Organisations.RULE + ")");
        }
        return Optional.of(org);
    }

    /**
     * One claim of the caller's verified token by name, as the token carries it (a String, a JSON value, ...), or
     * null without it. Read from the claims set of Quarkus OIDC's principal when the caller has one (every bearer
     * token does): smallrye-jwt's {@link JsonWebToken#getClaim(String)} first looks the name up in the MicroProfile
     * JWT {@code Claims} enum, and for a name outside it, such as {@code org}, creates and catches an
     * IllegalArgumentException with its stack trace on every call (3.5% of a stored quote's CPU, 0.006 ms of every
     * org-scoped request; docs/duties.md "Speed"). Any other principal is asked through {@code token}.
     *
     * @param identity the request's security identity (its principal is the verified token)
     * @param token    the same token as MicroProfile JWT (CDI's request-scoped view of it)
     * @param name     the claim's name, e.g. "org"
     */
    public static Object claim(SecurityIdentity identity, JsonWebToken token, String name) {
        if (identity.getPrincipal() instanceof OidcJwtCallerPrincipal oidc) {
            return oidc.getClaims().getClaimValue(name);
        }
        return token.getClaim(name);
    }
}

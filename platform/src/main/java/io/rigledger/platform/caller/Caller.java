package io.rigledger.platform.caller;

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
        Object claim = token.getClaim(config.org().claim());
        if (claim == null) {
            return Optional.empty();
        }
        String org = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (!Organisations.isValid(org)) {
            throw Problems.forbidden("your token's organisation is not a name this realm issues (" + Organisations.RULE + ")");
        }
        return Optional.of(org);
    }
}

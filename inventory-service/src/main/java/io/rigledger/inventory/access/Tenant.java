package io.rigledger.inventory.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Which organisation a request works on. People work on their token's organisation; service
 * accounts (role service, e.g. procurement-service) have none and name it in the request body.
 */
@RequestScoped
public class Tenant {

    public static final String SERVICE_ROLE = "service";

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    /** The caller's own organisation (403 when the token names none). */
    public String org() {
        return caller.org();
    }

    /** Who to record as the author of a change. */
    public String actor() {
        return caller.userName();
    }

    /** Whether the caller is a service account (role service: procurement-service), not a person. */
    public boolean isServiceAccount() {
        return identity.hasRole(SERVICE_ROLE);
    }

    /**
     * The organisation for an operation a service account may do on behalf of one.
     *
     * @param named the organisation the body names, or null
     * @param field the body field that names it, for the 400
     * @throws io.rigledger.platform.problem.ProblemException 400 when a service account names none;
     *         403 when a person names another organisation than their own
     */
    public String orgNamedOr(String named, String field) {
        if (identity.hasRole(SERVICE_ROLE)) {
            if (named == null) {
                throw Problems.badRequest(field, "is required for a service account");
            }
            return named;
        }
        String own = caller.org();
        if (named != null && !named.equals(own)) {
            throw Problems.forbidden("you can only work on your own organisation's rigs");
        }
        return own;
    }
}

package io.rigledger.console.web;

import io.quarkus.oidc.IdToken;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The signed-in person as the pages show them ({@code {inject:who.name}} in templates): user name,
 * organisation and RigLedger roles ({@link #ROLES}; Keycloak's own, such as default-roles-rigledger or
 * offline_access, are not shown), read from the tokens Keycloak issued. What the roles allow is decided
 * by the services; the console only uses them to offer the pages the services answer the person (their
 * {@code @RolesAllowed}: a person without such a role would get the service's 403 page).
 */
@Named("who")
@RequestScoped
public class Who {

    /** The realm roles RigLedger's services decide by (deploy/keycloak/realm-rigledger.json), in the order shown. */
    public static final List<String> ROLES = List.of("admin", "finance", "operator", "ops");

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    /** The user name (preferred_username), else the subject. */
    public String name() {
        String name = idToken.getClaim("preferred_username");
        return name != null ? name : idToken.getSubject();
    }

    /** The organisation (claim org), or an empty string for people without one (admins). */
    public String org() {
        Object org = idToken.getClaim("org");
        return org == null ? "" : org.toString();
    }

    /** The person's RigLedger roles ({@link #ROLES}), sorted. */
    public Set<String> roles() {
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.retainAll(ROLES);
        return roles;
    }

    /** Finance: the IEEPA refunds and the reasons on the reconciliation are finance's alone (tariff-service). */
    public boolean finance() {
        return identity.hasRole("finance");
    }

    /** May read the reconciliation and the deadlines of the organisation: finance and operators (tariff-service's roles). */
    public boolean reconciles() {
        return finance() || operator();
    }

    /** May read the fleet, rigs, sites and racks of the organisation: ops, finance and operators (inventory-service's roles). */
    public boolean readsFleet() {
        return ops() || finance() || operator();
    }

    /** May read the organisation's purchase orders: operators, finance and ops (procurement-service's roles). */
    public boolean readsOrders() {
        return operator() || finance() || ops();
    }

    public boolean ops() {
        return identity.hasRole("ops");
    }

    public boolean operator() {
        return identity.hasRole("operator");
    }

    /** The roles as one line, e.g. {@code finance}. */
    public String roleList() {
        return String.join(", ", List.copyOf(roles()));
    }
}

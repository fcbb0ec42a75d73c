package io.rigledger.console.upstream;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Token propagation: every call of the generated clients carries the signed-in person's own access
 * token (the one Keycloak issued to the console's session, audience the three services), so the
 * services apply their own rules of tenancy and roles to the person. Registered on each generated
 * client (application.properties, additional-api-type-annotations). A call without a signed-in
 * person carries no token and the service answers 401.
 */
@ApplicationScoped
public class UserToken implements ClientRequestFilter {

    @Inject
    SecurityIdentity identity;

    @Override
    public void filter(ClientRequestContext request) {
        AccessTokenCredential token = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}

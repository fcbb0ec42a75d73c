package io.rigledger.tariff.upstream;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Token propagation to procurement-service: each call of the generated procurement client carries the
 * caller's own bearer token, so procurement-service applies its own rules of roles and tenancy to the
 * caller (a finance person reads the orders and shipments of the organisation in the token; a service
 * account names the organisation in X-On-Behalf-Of-Org, which the adapter forwards). procurement-service
 * accepts only tokens whose audience names it: the realm's console and rigledger-cli tokens do
 * (deploy/keycloak/realm-rigledger.json), and so does procurement-service's own service-account token;
 * a token procurement-service refuses (401/403) is answered 503 by {@link ProcurementOrders}, never
 * taken as a missing order. No token of tariff-service's own is used: the check reads no more than the
 * caller may read. Registered on the generated client (application.properties, additional-api-type-annotations).
 */
@ApplicationScoped
public class CallerToken implements ClientRequestFilter {

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

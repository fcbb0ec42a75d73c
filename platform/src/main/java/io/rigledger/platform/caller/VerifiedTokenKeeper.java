package io.rigledger.platform.caller;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Hands each identity the providers built to {@link VerifiedTokens}, which keeps those of verified bearer JWTs. First of
 * the augmentors, so what is kept is the provider's identity and every augmentor runs on a kept one as on a new one.
 * An augmentor runs only after a provider succeeded: a refused token never gets here.
 */
@Singleton
public class VerifiedTokenKeeper implements SecurityIdentityAugmentor {

    @Inject
    VerifiedTokens tokens;

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        tokens.keep(identity);
        return Uni.createFrom().item(identity);
    }
}

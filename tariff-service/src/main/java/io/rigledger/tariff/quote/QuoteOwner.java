package io.rigledger.tariff.quote;

import io.quarkus.security.identity.SecurityIdentity;
import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.caller.Organisations;
import io.rigledger.platform.problem.Problems;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Objects;

/**
 * Whose quotes a caller creates and reads. A person's quotes belong to the organisation in the
 * token's {@code org} claim. A service account (role service) has no organisation: it names the
 * one it acts for in the {@value #ON_BEHALF_OF} header, which is honoured for role service only
 * (ignored for people); its quotes belong to that organisation and it reads back only the quotes
 * it created for it. Without an organisation (admins, a service without the header) a quote is
 * readable by its creator alone.
 */
public record QuoteOwner(String org, String userName, boolean service) {

    public static final String ON_BEHALF_OF = "X-On-Behalf-Of-Org";
    static final String ORG_CLAIM = "org";
    /**
     * The organisation is checked with the platform's one rule ({@link Organisations}), in the
     * header as in the claim.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming the header when a service sends a
     *                                                        malformed one; 403 when a person's token names a malformed organisation
     */
    static QuoteOwner of(JsonWebToken token, SecurityIdentity identity, String onBehalfOf) {
        String name = token.getName() == null || token.getName().isBlank() ? token.getSubject() : token.getName();
        if (identity.hasRole("service")) {
            if (onBehalfOf != null && !Organisations.isValid(onBehalfOf)) {
                throw Problems.badRequest(ON_BEHALF_OF, "must be an organisation id (" + Organisations.RULE + ")");
            }
            return new QuoteOwner(onBehalfOf, name, true);
        }
        Object claim = Caller.claim(identity, token, ORG_CLAIM);
        String org = claim instanceof JsonString json ? json.getString() : claim instanceof String text ? text : null;
        if (org != null && !Organisations.isValid(org)) {
            throw Problems.forbidden("your token's organisation is not a name this realm issues (" + Organisations.RULE + ")");
        }
        return new QuoteOwner(org, name, false);
    }

    /** Whether this caller may read a stored quote; a foreign quote answers 404 like a missing one. */
    boolean reads(StoredQuote quote) {
        if (service || org == null) {
            return userName.equals(quote.createdBy) && Objects.equals(org, quote.org);
        }
        return org.equals(quote.org);
    }
}

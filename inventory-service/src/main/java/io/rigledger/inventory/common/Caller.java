package io.rigledger.inventory.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.regex.Pattern;

/**
 * Who is calling: the organisation in the token's {@code org} claim scopes every rig query.
 * People of an organisation carry it; admins and service accounts do not.
 */
@RequestScoped
public class Caller {

    /** Same rule as the org attribute in the Keycloak realm. */
    private static final Pattern ORG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final int MAX_ORG_LENGTH = 64;

    @Inject
    JsonWebToken token;

    /** The caller's organisation; 403 when the token names none (or names it in a form we never issue). */
    public String org() {
        Object claim = token.getClaim("org");
        String org = claim instanceof JsonString json ? json.getString() : claim instanceof String s ? s : null;
        if (org == null || org.length() > MAX_ORG_LENGTH || !ORG.matcher(org).matches()) {
            throw Problems.forbidden("this operation works on an organisation's rigs and your token names no organisation");
        }
        return org;
    }

    /** Who to record as having done something: the token's user name, else its subject. */
    public String name() {
        String name = token.getName();
        return name != null ? name : token.getSubject();
    }
}

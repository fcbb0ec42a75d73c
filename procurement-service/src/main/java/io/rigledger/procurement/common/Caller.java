package io.rigledger.procurement.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the organisation (claim {@code org}) every order is scoped to, and the user
 * name recorded as an order's creator. Roles are checked by {@code @RolesAllowed} beforehand.
 */
@RequestScoped
public class Caller {

    static final String ORG_CLAIM = "org";
    static final int MAX_ORG_LENGTH = 255;

    @Inject
    JsonWebToken token;

    /** The caller's organisation; a token without one may not touch purchase orders (403). */
    public String org() {
        Object org = token.getClaim(ORG_CLAIM);
        String value = org instanceof JsonString json ? json.getString() : org instanceof String text ? text : null;
        value = value == null ? null : value.strip();
        if (value == null || value.isEmpty()) {
            throw Problems.forbidden("your token names no organisation; purchase orders belong to one");
        }
        if (value.length() > MAX_ORG_LENGTH) {
            throw Problems.forbidden("your token's organisation name is longer than " + MAX_ORG_LENGTH + " characters");
        }
        return value;
    }

    public String userName() {
        String name = token.getName();
        return name == null || name.isBlank() ? token.getSubject() : name;
    }
}

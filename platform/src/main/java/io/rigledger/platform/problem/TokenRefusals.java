package io.rigledger.platform.problem;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Why a bearer token was refused, in words for the client (RFC 6750 error_description). Quarkus
 * OIDC verifies tokens with jose4j and keeps its {@link InvalidJwtException} (with jose4j's
 * {@link ErrorCodes}) in the cause chain of the authentication failure; a bearer value that is
 * not a JWT at all is refused before jose4j sees it, so its shape is checked here.
 */
public final class TokenRefusals {

    /** Three base64url segments: header.payload.signature (RFC 7515 compact serialization). */
    private static final Pattern JWT_SHAPE = Pattern.compile("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$");

    static final String NOT_A_JWT = "the bearer value is not a JWT";
    static final String BAD_SIGNATURE = "the token's signature does not verify against the issuer's keys";
    static final String UNVERIFIED = "the token could not be verified";

    private TokenRefusals() {
    }

    /**
     * The reason a present bearer token was refused.
     *
     * @param failure the authentication failure (its cause chain is searched)
     * @param bearer  the bearer value as sent
     * @return one sentence: expired at, not valid before, issued by, audience, signature, not a JWT
     */
    public static String reason(Throwable failure, String bearer) {
        InvalidJwtException jwt = find(failure, InvalidJwtException.class);
        if (jwt != null) {
            String reason = reason(jwt);
            if (reason != null) {
                return reason;
            }
        }
        if (find(failure, UnresolvableKeyException.class) != null) {
            return "the token is signed with a key the issuer does not publish";
        }
        if (bearer == null || !JWT_SHAPE.matcher(bearer).matches()) {
            return NOT_A_JWT;
        }
        return jwt != null && jwt.getErrorDetails().isEmpty() ? NOT_A_JWT : UNVERIFIED;
    }

    /** The reason jose4j's error codes give, or null when none of them is one we name. */
    static String reason(InvalidJwtException e) {
        JwtClaims claims = e.getJwtContext() == null ? null : e.getJwtContext().getJwtClaims();
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
            return BAD_SIGNATURE;
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
            return "the token expired" + at(claims, "exp", " at ");
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID) || e.hasErrorCode(ErrorCodes.ISSUED_AT_INVALID_FUTURE)) {
            String nbf = at(claims, "nbf", " before ");
            return "the token is not valid yet" + (nbf.isEmpty() ? at(claims, "iat", ": issued in the future at ") : nbf);
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
            String issuer = claim(claims, "iss");
            return issuer == null ? "the token names no issuer"
                    : "wrong issuer: the token was issued by " + issuer + ", which this service does not trust";
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
            String audience = audience(claims);
            return "wrong audience: the token is meant for " + (audience == null ? "no service" : audience)
                    + ", not for this service";
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return "the token has no expiry (exp)";
        }
        if (e.hasErrorCode(ErrorCodes.JSON_INVALID)) {
            return NOT_A_JWT;
        }
        return null;
    }

    private static String at(JwtClaims claims, String name, String prefix) {
        if (claims == null) {
            return "";
        }
        try {
            NumericDate date = claims.getNumericDateClaimValue(name);
            return date == null ? "" : prefix + Instant.ofEpochSecond(date.getValue());
        } catch (MalformedClaimException e) {
            return "";
        }
    }

    private static String claim(JwtClaims claims, String name) {
        if (claims == null) {
            return null;
        }
        try {
            return claims.getStringClaimValue(name);
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    private static String audience(JwtClaims claims) {
        if (claims == null) {
            return null;
        }
        try {
            List<String> audience = claims.getAudience();
            return audience == null || audience.isEmpty() ? null : String.join(" ", audience);
        } catch (MalformedClaimException e) {
            return null;
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

package io.rigledger.platform.problem;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
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

    /** Reads a JWT's header and claims without verifying anything: only to explain a refusal. */
    private static final JwtConsumer UNVERIFIED_READER = new JwtConsumerBuilder()
            .setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification()
            .setRelaxVerificationKeyValidation().build();

    /**
     * The reason a present bearer token was refused, without knowing which issuer is trusted.
     *
     * @see #reason(Throwable, String, String)
     */
    public static String reason(Throwable failure, String bearer) {
        return reason(failure, bearer, null);
    }

    /**
     * The reason a present bearer token was refused. When the verifier's own error names none
     * (Quarkus OIDC refuses a token whose key it cannot find, e.g. one from another realm, before
     * jose4j checks the claims), the token's unverified header and claims are read to tell an
     * unsigned token (alg "none") or a token of another issuer apart from one that simply does
     * not verify.
     *
     * @param failure       the authentication failure (its cause chain is searched)
     * @param bearer        the bearer value as sent
     * @param trustedIssuer the issuer this service accepts (quarkus.oidc.token.issuer, else the
     *                      auth server URL), or null when unknown
     * @return one sentence: expired at, not valid before, issued by, audience, signature, unsigned, not a JWT
     */
    public static String reason(Throwable failure, String bearer, String trustedIssuer) {
        String known = knownReason(failure, bearer);
        if (!UNVERIFIED.equals(known)) {
            return known;
        }
        return unverifiedReason(bearer, trustedIssuer);
    }

    /** What the token itself shows (alg none, another issuer), read without verification. */
    static String unverifiedReason(String bearer, String trustedIssuer) {
        try {
            JwtContext context = UNVERIFIED_READER.process(bearer);
            String alg = context.getJoseObjects().isEmpty() ? null
                    : context.getJoseObjects().get(0).getAlgorithmHeaderValue();
            if (alg == null || "none".equalsIgnoreCase(alg)) {
                return "the token is not signed (alg \"none\"); only tokens signed by the issuer are accepted";
            }
            String issuer = claim(context.getJwtClaims(), "iss");
            if (issuer == null) {
                return "the token names no issuer";
            }
            if (trustedIssuer != null && !trimSlash(issuer).equals(trimSlash(trustedIssuer))) {
                return "wrong issuer: the token was issued by " + issuer + ", this service trusts " + trustedIssuer;
            }
            return UNVERIFIED;
        } catch (InvalidJwtException e) {
            return NOT_A_JWT;
        }
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String knownReason(Throwable failure, String bearer) {
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

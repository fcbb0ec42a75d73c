package io.rigledger.platform.problem;

import io.quarkus.security.AuthenticationFailedException;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class TokenRefusalsTest {

    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln";

    private static Throwable refused(int code, JwtClaims claims) {
        InvalidJwtException jwt = new InvalidJwtException("jose4j says no",
                List.of(new ErrorCodeValidator.Error(code, "detail")), new JwtContext(JWT, claims, List.of()));
        return new AuthenticationFailedException(jwt, Map.of());
    }

    @Test
    void anExpiredTokenSaysWhenItExpired() {
        JwtClaims claims = new JwtClaims();
        claims.setExpirationTime(NumericDate.fromSeconds(1_780_000_000L));
        assertEquals("the token expired at 2026-05-28T20:26:40Z", TokenRefusals.reason(refused(ErrorCodes.EXPIRED, claims), JWT));
    }

    @Test
    void aTokenNotYetValidSaysFromWhen() {
        JwtClaims claims = new JwtClaims();
        claims.setNotBefore(NumericDate.fromSeconds(1_780_000_000L));
        assertEquals("the token is not valid yet before 2026-05-28T20:26:40Z",
                TokenRefusals.reason(refused(ErrorCodes.NOT_YET_VALID, claims), JWT));
    }

    @Test
    void aWrongIssuerIsNamed() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer("http://127.0.0.1:8180/realms/rigledger");
        assertEquals("wrong issuer: the token was issued by http://127.0.0.1:8180/realms/rigledger, which this service does not trust",
                TokenRefusals.reason(refused(ErrorCodes.ISSUER_INVALID, claims), JWT));
    }

    @Test
    void aWrongAudienceIsNamed() {
        JwtClaims claims = new JwtClaims();
        claims.setAudience("some-other-api");
        assertEquals("wrong audience: the token is meant for some-other-api, not for this service",
                TokenRefusals.reason(refused(ErrorCodes.AUDIENCE_INVALID, claims), JWT));
    }

    @Test
    void aBadSignatureWinsOverEverythingElse() {
        InvalidJwtException jwt = new InvalidJwtException("no", List.of(
                new ErrorCodeValidator.Error(ErrorCodes.EXPIRED, "x"),
                new ErrorCodeValidator.Error(ErrorCodes.SIGNATURE_INVALID, "y")), null);
        assertEquals(TokenRefusals.BAD_SIGNATURE, TokenRefusals.reason(new AuthenticationFailedException(jwt), JWT));
        assertEquals("the token is signed with a key the issuer does not publish",
                TokenRefusals.reason(new AuthenticationFailedException(new UnresolvableKeyException("kid 9")), JWT));
    }

    @Test
    void aBearerValueThatIsNotAJwtIsNamedSo() {
        assertEquals(TokenRefusals.NOT_A_JWT, TokenRefusals.reason(new AuthenticationFailedException(), "not-a-jwt"));
        assertEquals(TokenRefusals.NOT_A_JWT, TokenRefusals.reason(new AuthenticationFailedException(), "a.b.c.d"));
        assertEquals("the token names no issuer", TokenRefusals.reason(new AuthenticationFailedException(), JWT));
    }

    private static String jwt(String header, String claims) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    @Test
    void aTokenOfAnotherRealmNamesBothIssuers() {
        String master = jwt("{\"alg\":\"RS256\",\"kid\":\"k\"}", "{\"iss\":\"http://localhost:8180/realms/master\",\"sub\":\"x\"}");
        assertEquals("wrong issuer: the token was issued by http://localhost:8180/realms/master, "
                        + "this service trusts http://localhost:8180/realms/rigledger",
                TokenRefusals.reason(new AuthenticationFailedException(), master, "http://localhost:8180/realms/rigledger"));
    }

    @Test
    void aTokenOfTheTrustedIssuerThatDoesNotVerifySaysSo() {
        String ours = jwt("{\"alg\":\"RS256\"}", "{\"iss\":\"http://localhost:8180/realms/rigledger\"}");
        assertEquals(TokenRefusals.UNVERIFIED,
                TokenRefusals.reason(new AuthenticationFailedException(), ours, "http://localhost:8180/realms/rigledger/"));
        assertEquals(TokenRefusals.UNVERIFIED, TokenRefusals.reason(new AuthenticationFailedException(), ours, null));
    }

    @Test
    void anUnsignedTokenIsNamedSo() {
        String none = jwt("{\"alg\":\"none\"}", "{\"iss\":\"http://localhost:8180/realms/rigledger\"}");
        assertEquals("the token is not signed (alg \"none\"); only tokens signed by the issuer are accepted",
                TokenRefusals.reason(new AuthenticationFailedException(), none, "http://localhost:8180/realms/rigledger"));
    }

    @Test
    void aReasonTheVerifierGaveIsKeptWhateverTheTokenSays() {
        JwtClaims claims = new JwtClaims();
        claims.setExpirationTime(NumericDate.fromSeconds(1_780_000_000L));
        assertEquals("the token expired at 2026-05-28T20:26:40Z",
                TokenRefusals.reason(refused(ErrorCodes.EXPIRED, claims), JWT, "http://elsewhere/realms/x"));
    }

    @Test
    void theChallengeFollowsRfc6750() {
        ProblemException none = Problems.unauthorized(null);
        assertEquals("Bearer", none.headers().get("WWW-Authenticate"));
        ProblemException expired = Problems.unauthorized("the token expired at 2026-05-28T20:26:40Z");
        assertEquals("Bearer error=\"invalid_token\", error_description=\"the token expired at 2026-05-28T20:26:40Z\"",
                expired.headers().get("WWW-Authenticate"));
        assertEquals("invalid bearer token: the token expired at 2026-05-28T20:26:40Z", expired.getMessage());
        assertNull(expired.violations());
    }

    @Test
    void aReasonCannotBreakOutOfItsQuotes() {
        String header = Problems.unauthorized("issued by \"evil\"\\ \u00e9\r\n").headers().get("WWW-Authenticate");
        assertEquals("Bearer error=\"invalid_token\", error_description=\"issued by ?evil?? ???\"", header);
    }

    @Test
    void aRateLimitAnswerSaysWhenToComeBack() {
        ProblemException e = Problems.tooManyRequests(30);
        assertEquals(429, e.status());
        assertEquals("30", e.headers().get("Retry-After"));
        assertEquals("1", Problems.tooManyRequests(0).headers().get("Retry-After"));
    }
}

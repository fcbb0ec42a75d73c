package io.rigledger.testsupport;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The ways a bearer token is refused in the matrix's {@link SecurityMatrix.Kind#REFUSED} cells, and the words its
 * error_description and detail must contain (RFC 6750).
 */
public enum MatrixRefusal {
    NO_TOKEN(null, null),
    EXPIRED("expired", () -> Tokens.expired(SecurityMatrix.org(), "operator", "finance", "ops")),
    NOT_YET_VALID("not valid yet", () -> Tokens.notYetValid(SecurityMatrix.org(), "operator", "finance", "ops")),
    WRONG_AUDIENCE("audience", () -> Tokens.forAudience("some-other-api", SecurityMatrix.org(), "operator", "finance", "ops")),
    WRONG_ISSUER("issuer", () -> Tokens.fromIssuer("http://127.0.0.1:8180/realms/rigledger", SecurityMatrix.org(), "operator",
            "finance", "ops")),
    ANOTHER_REALM("wrong issuer", () -> Tokens.fromAnotherRealm(SecurityMatrix.org(), "operator", "finance", "ops")),
    BAD_SIGNATURE("signature", () -> Tokens.signedWithAnotherKey(SecurityMatrix.org(), "operator", "finance", "ops")),
    NOT_A_JWT("not a JWT", Tokens::notAJwt);

    final String reason;
    final Supplier<String> token;

    MatrixRefusal(String reason, Supplier<String> token) {
        this.reason = reason;
        this.token = token;
    }

    String words() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

package io.rigledger.platform.caller;

import java.util.regex.Pattern;

/**
 * The one rule for an organisation name, the same as the Keycloak realm's {@code org} user
 * attribute: lower-case letters and digits in words joined by single hyphens
 * ({@code ^[a-z0-9]+(-[a-z0-9]+)*$}), at most {@value #MAX_LENGTH} characters. Fixed by the realm
 * (deploy/keycloak/realm-rigledger.json), not by a deployment.
 */
public final class Organisations {

    public static final Pattern NAME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final int MAX_LENGTH = 64;
    /** How a refusal describes the rule. */
    public static final String RULE = "lower-case letters and digits in words joined by single hyphens, at most "
            + MAX_LENGTH + " characters";

    private Organisations() {
    }

    /** Whether {@code org} is an organisation name the realm could have issued. */
    public static boolean isValid(String org) {
        return org != null && !org.isEmpty() && org.length() <= MAX_LENGTH && NAME.matcher(org).matches();
    }
}

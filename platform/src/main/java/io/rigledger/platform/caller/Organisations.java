package io.rigledger.platform.caller;

import java.util.regex.Pattern;

/**
 * The one rule for an organisation name, the same as the Keycloak realm's {@code org} user
 * attribute: lower-case letters and digits in words joined by single hyphens
 * ({@code ^[a-z0-9]+(-[a-z0-9]+)*$}), at most {@code rigledger.org.max-length} characters.
 */
public final class Organisations {

    public static final Pattern NAME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private Organisations() {
    }

    /** Whether {@code org} is an organisation name the realm could have issued. */
    public static boolean isValid(String org, int maxLength) {
        return org != null && !org.isEmpty() && org.length() <= maxLength && NAME.matcher(org).matches();
    }
}

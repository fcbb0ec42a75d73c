package io.rigledger.inventory.rig;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * MAC addresses are an attribute of a rig, never its identity: a control board swap changes them
 * and some firmware reports none or 00:00:00:00:00:00, which both mean "no MAC" and match nothing.
 */
public final class Macs {

    public static final String PATTERN = "^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$";
    public static final String MESSAGE = "must be a MAC address such as 0c:42:a1:7f:00:12";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);
    private static final String NONE = "00:00:00:00:00:00";

    private Macs() {
    }

    /** Lower-case form, or null for "no MAC" (absent or all zeros). Call on validated input only. */
    public static String normalise(String mac) {
        if (mac == null) {
            return null;
        }
        String lower = mac.toLowerCase(Locale.ROOT);
        return NONE.equals(lower) ? null : lower;
    }

    public static boolean valid(String mac) {
        return mac != null && FORMAT.matcher(mac).matches();
    }
}

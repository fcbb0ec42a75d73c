package io.rigledger.tariff.entry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CBP entry number: a 3-character entry filer code, a 7-digit number the filer assigns and a
 * check digit, written XXX-NNNNNNN-N (19 CFR 142.3a(b); CBP ACE CATAIR Appendix E "Valid Entry
 * Numbers"). The filer code is alphanumeric in one of the CATAIR formats (NNN 001-999, ANN, AAN,
 * AAA, ANA, NAN, NNA, NAA), so "000" is no filer code.
 *
 * <p>The check digit is "computed from the first 10 characters based on a formula provided by
 * Customs" (19 CFR 142.3a(b)(3)); that formula is in CATAIR Appendix E, whose text could not be
 * obtained from a primary source while this was written. Only the format is therefore validated,
 * the check digit as one decimal digit, and the number is not refused for a wrong check digit.
 */
public final class EntryNumber {

    /** As accepted: with or without the two hyphens; letters upper case. */
    public static final String PATTERN = "^[A-Z0-9]{3}-?[0-9]{7}-?[0-9]$";
    private static final Pattern FORM = Pattern.compile("^([A-Z0-9]{3})-?([0-9]{7})-?([0-9])$");

    private EntryNumber() {
    }

    /** The 11 characters without hyphens (as stored), or empty when the text is no entry number. */
    public static Optional<String> normalise(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches() || m.group(1).equals("000")) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + m.group(2) + m.group(3));
    }

    /** XXX-NNNNNNN-N, the form of 19 CFR 142.3a(b), for 11 stored characters. */
    public static String display(String stored) {
        return stored.substring(0, 3) + "-" + stored.substring(3, 10) + "-" + stored.substring(10);
    }
}

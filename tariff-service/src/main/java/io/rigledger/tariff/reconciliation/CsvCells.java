package io.rigledger.tariff.reconciliation;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Cells of the reconciliation CSV. Amounts are written with two decimals and a dot; text that a
 * spreadsheet would read as a formula (a cell starting with = + - @, a tab or a carriage return;
 * OWASP "CSV Injection") gets a leading apostrophe, unless the whole cell is a plain number such as
 * -12.50, which stays a number.
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?$");

    private CsvCells() {
    }

    /** USD with two decimals and a dot, e.g. -12.50. */
    public static String amount(BigDecimal value) {
        return value.setScale(2).toPlainString();
    }

    /** Text as a cell, neutralised against formula injection. */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return risky && !NUMBER.matcher(value).matches() ? "'" + value : value;
    }
}

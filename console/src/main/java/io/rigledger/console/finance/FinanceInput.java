package io.rigledger.console.finance;

import io.rigledger.console.upstream.ApiProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The finance pages' input as written in the address: dates ISO 8601 (YYYY-MM-DD) as the date inputs send them,
 * the reconciliation's page size and its cursor, bound to the page size it was made for. Bad input is a 400 page
 * naming the field before any call to tariff-service; nothing is silently replaced.
 */
final class FinanceInput {

    private static final Pattern SIZE = Pattern.compile("^[0-9]{1,4}$");
    private static final Pattern CURSOR = Pattern.compile("^([0-9]{1,4})\\.(.+)$");

    private FinanceInput() {
    }

    /**
     * The date in {@code value}.
     *
     * @throws ApiProblem 400 naming {@code field} when it is not a date
     */
    static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date (YYYY-MM-DD)");
        }
    }

    /**
     * The reconciliation's rows a page: {@code size} as written, 1 to {@code max}; {@code standard} when absent or empty.
     *
     * @throws ApiProblem 400 naming size when it is not a whole number from 1 to {@code max}
     */
    static int pageSize(String size, int standard, int max) {
        if (size == null || size.isEmpty()) {
            return standard;
        }
        int n = SIZE.matcher(size).matches() ? Integer.parseInt(size) : 0;
        if (n < 1 || n > max) {
            throw invalid("size", "must be a whole number of rows from 1 to " + max);
        }
        return n;
    }

    /**
     * A page's cursor as the console writes it in its links: the page size it was made for, a dot, and tariff-service's
     * cursor (a position in the sorted range, which tariff-service binds to organisation, range, grouping and sort, not to the page
     * size). The console's own links always carry their size.
     *
     * @return tariff-service's cursor, or null for the first page (cursor absent or empty)
     * @throws ApiProblem 400 naming cursor when it is no cursor of the console or was made for pages of another size
     */
    static String cursor(String cursor, int size) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        Matcher m = CURSOR.matcher(cursor);
        if (!m.matches()) {
            throw invalid("cursor", "is not a cursor of this page; open the first page");
        }
        if (Integer.parseInt(m.group(1)) != size) {
            throw invalid("cursor", "was made for pages of " + Integer.parseInt(m.group(1)) + " rows, not " + size
                    + "; open the first page to change the page size");
        }
        return m.group(2);
    }

    /**
     * The deadlines page's window: 30 (absent or empty) or 90 days.
     *
     * @throws ApiProblem 400 naming within otherwise
     */
    static int within(String within) {
        if (within == null || within.isEmpty() || within.equals("30")) {
            return 30;
        }
        if (within.equals("90")) {
            return 90;
        }
        throw invalid("within", "must be 30 or 90 (days)");
    }

    /**
     * A reconciliation row's reason as typed, in any script, passed on to tariff-service as it is: its length is
     * tariff-service's rule (the contract's Reason, 1 to 1,000 characters), whose 400 naming {@code reason} the console
     * shows as the form's error (web.ProblemPages). Only an absent or empty field is refused here, as there is nothing
     * to send.
     *
     * @throws ApiProblem 400 naming reason when it is absent or empty
     */
    static String reason(String reason) {
        if (reason == null || reason.isEmpty()) {
            throw invalid("reason", "must not be empty");
        }
        return reason;
    }

    /** The console's cursor of tariff-service's {@code cursor} for pages of {@code size} rows; null stays null. */
    static String cursorOf(String cursor, int size) {
        return cursor == null ? null : size + "." + cursor;
    }

    private static ApiProblem invalid(String field, String message) {
        return new ApiProblem("console", 400, "Invalid request", field + " " + message, List.of(field + ": " + message));
    }
}

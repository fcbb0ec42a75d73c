package io.rigledger.console.finance;

import io.rigledger.console.upstream.ApiProblem;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The finance forms' dates: ISO 8601 (YYYY-MM-DD) as the date inputs send them. */
final class FinanceInput {

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
            throw new ApiProblem("console", 400, "Invalid request", field + " must be a date (YYYY-MM-DD)",
                    List.of(field + ": must be a date (YYYY-MM-DD)"));
        }
    }
}

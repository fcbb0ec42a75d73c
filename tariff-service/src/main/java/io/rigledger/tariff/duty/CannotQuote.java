package io.rigledger.tariff.duty;

/**
 * The schedule cannot answer a well-formed request (no measure for an HTS code, a statistical
 * number not in force on the date of entry, no MPF limits for the fiscal year). Names the request
 * field as the client wrote it, e.g. {@code lines[1].htsCode}; the API answers 422.
 */
public class CannotQuote extends RuntimeException {

    private final String field;

    public CannotQuote(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

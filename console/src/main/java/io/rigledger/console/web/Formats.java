package io.rigledger.console.web;

import io.quarkus.qute.TemplateExtension;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the pages print the services' numbers; the value itself is never changed, only grouped.
 * Used in templates as {@code {amount.usd}}, {@code {ths.grouped}}, {@code {share.percent}}.
 */
@TemplateExtension
public final class Formats {

    private Formats() {
    }

    /** USD with thousands separators and the two decimals the services send, e.g. {@code -1,234.50}; empty for none. */
    static String usd(BigDecimal amount) {
        return withDecimals(amount, 2);
    }

    /** A quantity (TH/s, kW, J/TH, counts) with thousands separators and the decimals it has. */
    static String grouped(BigDecimal value) {
        return withDecimals(value, 0);
    }

    /** A count with thousands separators. */
    static String grouped(Long value) {
        return value == null ? "" : pattern("#,##0").format(value);
    }

    /** The plain text of a number as the service sent it (no exponent), for data-value attributes. */
    static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    /** True when an amount is there and not zero (a reconciliation row with a variance). */
    static boolean nonZero(BigDecimal value) {
        return value != null && value.signum() != 0;
    }

    /** Text for a URL's query, UTF-8 percent-encoded. */
    static String urlEncoded(String text) {
        return text == null ? "" : URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code value} grouped by thousands with all its decimals, at least {@code minDecimals}; empty for none. */
    private static String withDecimals(BigDecimal value, int minDecimals) {
        if (value == null) {
            return "";
        }
        DecimalFormat f = pattern("#,##0");
        f.setMinimumFractionDigits(Math.max(minDecimals, value.scale()));
        f.setMaximumFractionDigits(Math.max(minDecimals, value.scale()));
        return f.format(value);
    }

    private static DecimalFormat pattern(String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
        f.setParseBigDecimal(true);
        return f;
    }
}

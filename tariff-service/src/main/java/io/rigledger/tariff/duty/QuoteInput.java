package io.rigledger.tariff.duty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What to quote: lines entered on {@code entryDate}, loaded at the last port of export on
 * {@code exportDate} (null: unknown, no in-transit relief), arriving by {@code mode} (null: unknown,
 * no HMF). Values are USD with at most two decimals, already validated.
 */
public record QuoteInput(LocalDate entryDate, LocalDate exportDate, TransportMode mode, List<Line> lines) {

    public QuoteInput {
        lines = List.copyOf(lines);
    }

    /**
     * One 7501 line: {@code customsValue} is the entered value in USD (no international freight or
     * insurance); {@code usContentPercent} (0-100, null: none declared) the US content by value.
     */
    public record Line(String htsCode, String originCountry, BigDecimal customsValue, int quantity,
                       BigDecimal usContentPercent) {
    }
}

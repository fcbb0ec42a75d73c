package io.rigledger.tariff.quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answer of POST /api/duty-quotes (contract: DutyQuote). */
public record DutyQuote(LocalDate entryDate, String currency, Instant quotedAt, BigDecimal totalCustomsValue,
                        BigDecimal totalDuty, List<Line> lines) {

    public record Line(int lineNumber, String htsCode, String originCountry, BigDecimal customsValue,
                       List<Layer> layers, BigDecimal dutyAmount) {
    }

    public record Layer(String layer, String heading, String description, BigDecimal ratePercent, BigDecimal amount,
                        boolean confirmed) {
    }
}

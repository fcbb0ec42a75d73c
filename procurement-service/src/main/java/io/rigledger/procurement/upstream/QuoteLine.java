package io.rigledger.procurement.upstream;

import java.math.BigDecimal;

/**
 * One line to ask tariff-service to quote.
 *
 * @param htsCode          the HTS code (10 digits, e.g. 8543.70.9860)
 * @param originCountry    country of origin, ISO 3166-1 alpha-2
 * @param customsValue     entered value in USD, to the cent
 * @param quantity         rigs on the line
 * @param usContentPercent US content by value in percent, or null when not declared
 */
public record QuoteLine(String htsCode, String originCountry, BigDecimal customsValue, int quantity,
                        BigDecimal usContentPercent) {
}

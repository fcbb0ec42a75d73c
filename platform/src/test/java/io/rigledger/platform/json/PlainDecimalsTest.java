package io.rigledger.platform.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** StrictJson writes decimals plain: no exponent, whatever the BigDecimal's scale. */
class PlainDecimalsTest {

    record Price(BigDecimal price) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        StrictJson.customize(JSON, LocalDate.of(1900, 1, 1), LocalDate.of(2199, 12, 31));
    }

    @Test
    void aNegativeScaleIsWrittenWithoutAnExponent() throws JsonProcessingException {
        assertEquals("{\"price\":5400}", JSON.writeValueAsString(new Price(new BigDecimal("5.4E+3"))));
        assertEquals("{\"price\":16200}", JSON.writeValueAsString(new Price(new BigDecimal("5400.00").multiply(new BigDecimal("3E+0")).stripTrailingZeros())));
    }

    @Test
    void centsAreKeptAsGiven() throws JsonProcessingException {
        assertEquals("{\"price\":5400.00}", JSON.writeValueAsString(new Price(new BigDecimal("5400.00"))));
    }
}

package io.rigledger.tariff.quote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.test.junit.QuarkusTest;
import io.rigledger.tariff.duty.CannotQuote;
import io.rigledger.tariff.duty.DutyEngine;
import io.rigledger.tariff.duty.Quotation;
import io.rigledger.tariff.duty.Schedule;
import io.rigledger.tariff.duty.SeededSchedule;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * QuoteJson writes a quote's answer exactly as the service's ObjectMapper wrote the view records
 * (DutyQuoteView, kept here as the oracle): the same text byte for byte over quotes that take every
 * branch: with and without export date and transport mode, US content split (a part's heading),
 * quantity and US content percent absent, MPF at its minimum or maximum, HMF, no fees, several lines,
 * an instant on a whole second.
 */
@QuarkusTest
class QuoteJsonTest {

    private static final Schedule SCHEDULE = SeededSchedule.schedule();

    @Inject
    ObjectMapper json;

    @Test
    void theAnswerIsWhatTheMapperWroteOfTheViewRecordsByteForByte() throws Exception {
        ObjectWriter views = json.writerFor(DutyQuoteView.class);
        List<String> modes = Arrays.asList(null, "OCEAN", "AIR", "TRUCK", "RAIL");
        List<String> origins = List.of("ID", "TH", "MY", "CN", "US", "DE", "MX", "CA");
        List<BigDecimal> usContent = Arrays.asList(null, new BigDecimal("0"), new BigDecimal("30.5"),
                new BigDecimal("100.00"));
        List<String> values = List.of("154321.09", "5000", "12.3", "0.00", "999999.99");
        List<LocalDate> dates = List.of(LocalDate.of(2025, 9, 15), LocalDate.of(2026, 3, 10), LocalDate.of(2022, 6, 1),
                LocalDate.of(2025, 4, 9), LocalDate.of(2026, 11, 30));
        Instant[] at = {Instant.parse("2026-12-01T17:00:00Z"), Instant.parse("2026-12-01T17:00:00.120Z"),
                Instant.parse("2026-12-01T17:00:00.007Z")};
        int compared = 0;
        int withHeading = 0;
        int withoutExport = 0;
        int withoutFees = 0;
        for (int i = 0; i < 400; i++) {
            LocalDate entry = dates.get(i % dates.size());
            LocalDate export = i % 3 == 0 ? null : entry.minusDays(10 + i % 40);
            List<NewDutyQuote.Line> lines = new ArrayList<>();
            for (int n = 0; n <= i % 3; n++) {
                lines.add(new NewDutyQuote.Line("8543.70.9860", origins.get((i + 3 * n) % origins.size()),
                        new BigDecimal(values.get((i + 2 * n) % values.size())), i % 4 == 0 ? null : 1 + i % 30,
                        usContent.get((i / 2 + n) % usContent.size())));
            }
            NewDutyQuote request = new NewDutyQuote(entry, export, modes.get(i % modes.size()), lines);
            Quotation q;
            try {
                q = DutyEngine.quote(SCHEDULE, QuoteService.input(request));
            } catch (CannotQuote e) {
                continue;
            }
            UUID id = QuoteService.timeOrderedId(at[i % at.length]);
            String expected = views.writeValueAsString(DutyQuoteView.of(id, request, at[i % at.length], q));
            assertEquals(expected, QuoteJson.write(json.getFactory(), id, request, at[i % at.length], q), request.toString());
            compared++;
            withHeading += expected.contains("\"heading\":\"9903.01.34\"") ? 1 : 0;
            withoutExport += expected.contains("exportDate") ? 0 : 1;
            withoutFees += expected.contains("\"fees\":[]") ? 1 : 0;
        }
        assertTrue(compared >= 100, "quotes compared: " + compared);
        assertTrue(withHeading > 0 && withoutExport > 0 && withoutFees > 0,
                "every branch taken: US content parts " + withHeading + ", no export date " + withoutExport
                        + ", no fees " + withoutFees);
    }
}

package io.rigledger.tariff.quote;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import io.rigledger.tariff.duty.Quotation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The answer of POST and GET /api/duty-quotes (contract: DutyQuote) written field by field with one
 * Jackson {@link JsonGenerator}: no view objects, no serializer lookup or reflection per quote.
 * The text is what the service's ObjectMapper writes for the same values (its factory, so its
 * features: decimals plain as StrictJson sets them, 5400.00 never 5.4E+3), fields in the contract's
 * order, an absent value left out (the services' non-null inclusion). Amounts are USD with two
 * decimals as the engine rounded them (a line's customs value set to two); rates are percent of the
 * basis, written as people write them (2.6, 25, 0). Instants and dates are ISO 8601 as Jackson's
 * java.time serializers write them without timestamps (Instant#toString, LocalDate#toString).
 */
final class QuoteJson {

    private QuoteJson() {
    }

    /**
     * The quote's JSON.
     *
     * @param factory the service ObjectMapper's factory (its generator features apply)
     * @param id the stored quote's id
     * @param request the body asked (entry and export dates, transport mode as written; null when absent)
     * @param quotedAt when it was quoted (whole milliseconds)
     * @param q the engine's answer
     * @return one JSON object, e.g. {"id":"...","entryDate":"2025-09-15",...,"refundableDuty":15432.11}
     * @throws UncheckedIOException never in practice (the text is written to memory)
     */
    static String write(JsonFactory factory, UUID id, NewDutyQuote request, Instant quotedAt, Quotation q) {
        // as ObjectWriter#writeValueAsString does: the text gathered in the factory's recycled buffers
        try (SegmentedStringWriter out = new SegmentedStringWriter(factory._getBufferRecycler())) {
            try (JsonGenerator g = factory.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("id", id.toString());
                date(g, "entryDate", request.entryDate());
                date(g, "exportDate", request.exportDate());
                text(g, "transportMode", request.transportMode());
                g.writeStringField("currency", "USD");
                g.writeStringField("quotedAt", quotedAt.toString());
                g.writeNumberField("scheduleVersion", q.scheduleVersion());
                number(g, "totalCustomsValue", q.totalCustomsValue());
                g.writeArrayFieldStart("lines");
                for (Quotation.LineQuote l : q.lines()) {
                    line(g, l);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("fees");
                for (Quotation.FeeQuote f : q.fees()) {
                    fee(g, f);
                }
                g.writeEndArray();
                number(g, "totalDuty", q.totalDuty());
                number(g, "totalFees", q.totalFees());
                number(g, "total", q.total());
                number(g, "refundableDuty", q.refundableDuty());
                g.writeEndObject();
            }
            return out.getAndClear();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a duty quote as JSON", e);
        }
    }

    private static void line(JsonGenerator g, Quotation.LineQuote l) throws IOException {
        g.writeStartObject();
        g.writeNumberField("lineNumber", l.lineNumber());
        text(g, "htsCode", l.line().htsCode());
        text(g, "originCountry", l.line().originCountry());
        number(g, "customsValue", l.line().customsValue().setScale(2));
        g.writeNumberField("quantity", l.line().quantity());
        number(g, "usContentPercent", l.line().usContentPercent());
        g.writeArrayFieldStart("parts");
        for (Quotation.PartQuote p : l.parts()) {
            part(g, p);
        }
        g.writeEndArray();
        number(g, "dutyAmount", l.duty());
        g.writeEndObject();
    }

    private static void part(JsonGenerator g, Quotation.PartQuote p) throws IOException {
        g.writeStartObject();
        g.writeStringField("kind", p.kind().name());
        text(g, "heading", p.heading());
        number(g, "basis", p.basis());
        g.writeArrayFieldStart("layers");
        for (Quotation.LayerQuote l : p.layers()) {
            g.writeStartObject();
            g.writeNumberField("measureId", l.measureId());
            g.writeStringField("program", l.program().name());
            text(g, "heading", l.heading());
            number(g, "ratePercent", plain(l.ratePercent()));
            number(g, "basis", l.basis());
            number(g, "amount", l.amount());
            g.writeBooleanField("refundable", l.refundable());
            g.writeBooleanField("drawbackEligible", l.drawbackEligible());
            text(g, "legalReference", l.legalReference());
            g.writeBooleanField("confirmed", l.confirmed());
            g.writeBooleanField("inTransit", l.inTransit());
            g.writeEndObject();
        }
        g.writeEndArray();
        number(g, "dutyAmount", p.duty());
        g.writeEndObject();
    }

    private static void fee(JsonGenerator g, Quotation.FeeQuote f) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", f.type().name());
        number(g, "ratePercent", plain(f.ratePercent()));
        number(g, "basis", f.basis());
        number(g, "computed", f.computed());
        number(g, "amount", f.amount());
        if (f.fiscalYear() != null) {
            g.writeNumberField("fiscalYear", f.fiscalYear().intValue());
        }
        number(g, "minimum", f.minimum());
        number(g, "maximum", f.maximum());
        text(g, "legalReference", f.legalReference());
        g.writeBooleanField("confirmed", f.confirmed());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void date(JsonGenerator g, String field, LocalDate value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.toString());
        }
    }

    private static void number(JsonGenerator g, String field, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeNumberField(field, value);
        }
    }

    /** A rate as written by people: 2.6, 25, 0 (never 2.6000 or 1E+1); null stays null. */
    static BigDecimal plain(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        BigDecimal p = rate.stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }
}

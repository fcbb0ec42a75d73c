package io.rigledger.procurement.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fake tariff-service quote as tariff.yaml describes it, for a schedule holding only MFN 2.6%
 * on HTS 8543.70: each line's duty is customs value x 2.6% rounded HALF_UP to the cent, US-made
 * lines carry none, and a line of another HTS code is refused (422 naming it), like the real one.
 * Fees: MPF 0.3464% of the non-US value, HALF_UP, held between FY2026's 33.58 and 651.50 (none
 * when all is US-made); HMF 0.125% of it for OCEAN. Each quote is kept with the organisation it was made
 * for (the service account's X-On-Behalf-Of-Org), whose alone it is, as tariff-service keeps it.
 */
public class FakeTariffQuote implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-tariff-quote";
    static final BigDecimal MFN_PERCENT = new BigDecimal("2.6");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        ResponseDefinition stubbed = serveEvent.getResponseDefinition();
        try {
            JsonNode request = JSON.readTree(serveEvent.getRequest().getBodyAsString());
            ObjectNode quote = JSON.createObjectNode();
            quote.put("id", UUID.randomUUID().toString());
            quote.put("entryDate", request.path("entryDate").asText());
            if (request.hasNonNull("exportDate")) {
                quote.put("exportDate", request.path("exportDate").asText());
            }
            if (request.hasNonNull("transportMode")) {
                quote.put("transportMode", request.path("transportMode").asText());
            }
            quote.put("currency", "USD");
            quote.put("quotedAt", Instant.now().toString());
            quote.put("scheduleVersion", 1);
            ArrayNode lines = JSON.createArrayNode();
            List<FakeTariffWhatIf.QuotedLine> quoted = new ArrayList<>();
            BigDecimal totalValue = BigDecimal.ZERO.setScale(2);
            BigDecimal totalDuty = BigDecimal.ZERO.setScale(2);
            BigDecimal foreignValue = BigDecimal.ZERO.setScale(2);
            int i = 0;
            for (JsonNode in : request.path("lines")) {
                String hts = in.path("htsCode").asText();
                String origin = in.path("originCountry").asText();
                BigDecimal value = in.path("customsValue").decimalValue().setScale(2, RoundingMode.HALF_UP);
                if (!hts.startsWith("8543.70")) {
                    return refuse(stubbed, "lines[" + i + "].htsCode", "no duty measure covers " + hts + " from " + origin);
                }
                ObjectNode line = lines.addObject();
                line.put("lineNumber", i + 1);
                line.put("htsCode", hts);
                line.put("originCountry", origin);
                line.put("customsValue", value);
                line.put("quantity", in.path("quantity").asInt(1));
                ObjectNode part = line.putArray("parts").addObject();
                part.put("kind", "WHOLE");
                part.put("basis", value);
                ArrayNode layers = part.putArray("layers");
                BigDecimal duty = BigDecimal.ZERO.setScale(2);
                if (!"US".equals(origin)) {
                    duty = value.multiply(MFN_PERCENT).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                    ObjectNode mfn = layers.addObject();
                    mfn.put("measureId", 2);
                    mfn.put("program", "MFN");
                    mfn.put("heading", "8543.70.98");
                    mfn.put("ratePercent", MFN_PERCENT);
                    mfn.put("basis", value);
                    mfn.put("amount", duty);
                    mfn.put("refundable", false);
                    mfn.put("drawbackEligible", true);
                    mfn.put("legalReference", "HTSUS 8543.70.98 column 1 general");
                    mfn.put("confirmed", true);
                    mfn.put("inTransit", false);
                }
                part.put("dutyAmount", duty);
                line.put("dutyAmount", duty);
                totalValue = totalValue.add(value);
                if (!"US".equals(origin)) {
                    foreignValue = foreignValue.add(value);
                }
                totalDuty = totalDuty.add(duty);
                quoted.add(new FakeTariffWhatIf.QuotedLine(value, origin, duty));
                i++;
            }
            quote.put("totalCustomsValue", totalValue);
            quote.set("lines", lines);
            ArrayNode fees = quote.putArray("fees");
            BigDecimal totalFees = BigDecimal.ZERO.setScale(2);
            if (foreignValue.signum() > 0) {
                BigDecimal computed = foreignValue.multiply(new BigDecimal("0.003464")).setScale(2, RoundingMode.HALF_UP);
                BigDecimal mpf = computed.max(new BigDecimal("33.58")).min(new BigDecimal("651.50"));
                ObjectNode fee = fees.addObject();
                fee.put("type", "MPF");
                fee.put("ratePercent", new BigDecimal("0.3464"));
                fee.put("basis", foreignValue);
                fee.put("computed", computed);
                fee.put("amount", mpf);
                fee.put("fiscalYear", 2027);
                fee.put("minimum", new BigDecimal("33.58"));
                fee.put("maximum", new BigDecimal("651.50"));
                fee.put("legalReference", "19 CFR 24.23");
                fee.put("confirmed", true);
                totalFees = totalFees.add(mpf);
                if ("OCEAN".equals(request.path("transportMode").asText())) {
                    BigDecimal hmf = foreignValue.multiply(new BigDecimal("0.00125")).setScale(2, RoundingMode.HALF_UP);
                    ObjectNode h = fees.addObject();
                    h.put("type", "HMF");
                    h.put("ratePercent", new BigDecimal("0.125"));
                    h.put("basis", foreignValue);
                    h.put("computed", hmf);
                    h.put("amount", hmf);
                    h.put("legalReference", "19 CFR 24.24");
                    h.put("confirmed", true);
                    totalFees = totalFees.add(hmf);
                }
            }
            quote.put("totalDuty", totalDuty);
            quote.put("totalFees", totalFees);
            quote.put("total", totalDuty.add(totalFees));
            quote.put("refundableDuty", BigDecimal.ZERO.setScale(2));
            FakeTariffWhatIf.QUOTES.put(quote.path("id").asText(), new FakeTariffWhatIf.Quoted(
                    FakeTariffWhatIf.actingOrg(serveEvent), LocalDate.parse(request.path("entryDate").asText()), quoted, totalFees));
            return ResponseDefinitionBuilder.like(stubbed).but()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(quote))
                    .build();
        } catch (IOException | RuntimeException e) {
            return ResponseDefinitionBuilder.like(stubbed).but().withStatus(599)
                    .withBody("fake tariff-service could not read the request: " + e).build();
        }
    }

    /**
     * The ids of the quotes the fake made for an organisation, in no order (fresh review R-11g D3: a matrix marks
     * another organisation's as data its organisation must never be shown).
     */
    public static java.util.Set<String> quotesOf(String org) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        FakeTariffWhatIf.QUOTES.forEach((id, q) -> {
            if (org.equals(q.org())) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static ResponseDefinition refuse(ResponseDefinition stubbed, String field, String message) throws IOException {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "https://rigledger.io/problems/unprocessable");
        problem.put("title", "Cannot be processed");
        problem.put("status", 422);
        problem.put("detail", field + ": " + message);
        problem.put("instance", "/api/duty-quotes");
        ObjectNode violation = problem.putArray("violations").addObject();
        violation.put("field", field);
        violation.put("message", message);
        return ResponseDefinitionBuilder.like(stubbed).but()
                .withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(JSON.writeValueAsString(problem))
                .build();
    }
}

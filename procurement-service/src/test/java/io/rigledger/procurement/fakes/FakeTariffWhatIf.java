package io.rigledger.procurement.fakes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.rigledger.testsupport.Tokens;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * tariff-service's whatIfDutyQuotes on stored quotes, as tariff.yaml describes it, for the fake's
 * schedule: MFN 2.6% always, and from {@link #SURCHARGE_FROM} a 10% surcharge on every non-US
 * line's customs value (HALF_UP to the cent); fees do not change. The old amounts are the ones
 * {@link FakeTariffQuote} answered for the quote. An unknown quote id, or one of a quote made for another
 * organisation than the one the request acts for, is 404, as the real one answers.
 */
public class FakeTariffWhatIf implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-tariff-what-if";
    public static final LocalDate SURCHARGE_FROM = LocalDate.parse("2027-01-01");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A line as quoted: its customs value, origin and duty, USD. */
    record QuotedLine(BigDecimal value, String origin, BigDecimal duty) {
    }

    /** A quote as answered: the organisation it was made for, entry date, lines and total fees. */
    record Quoted(String org, LocalDate entryDate, List<QuotedLine> lines, BigDecimal fees) {
    }

    /** Every quote the fake answered, by id (what tariff-service stores). */
    static final Map<String, Quoted> QUOTES = new ConcurrentHashMap<>();

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
            LocalDate newDate = LocalDate.parse(request.path("entryDate").asText());
            String org = actingOrg(serveEvent);
            ObjectNode answer = JSON.createObjectNode();
            ArrayNode scenarios = answer.putArray("scenarios");
            BigDecimal oldAll = BigDecimal.ZERO.setScale(2);
            BigDecimal newAll = BigDecimal.ZERO.setScale(2);
            for (JsonNode id : request.path("quoteIds")) {
                Quoted q = QUOTES.get(id.asText());
                // another organisation's quote is answered exactly like a missing one, as tariff-service answers it
                if (q == null || !Objects.equals(q.org(), org)) {
                    return notFound(stubbed, id.asText());
                }
                ObjectNode s = scenarios.addObject();
                s.put("quoteId", id.asText());
                s.put("oldEntryDate", q.entryDate().toString());
                s.put("newEntryDate", newDate.toString());
                ArrayNode lines = s.putArray("lines");
                BigDecimal oldDuty = BigDecimal.ZERO.setScale(2);
                BigDecimal newDuty = BigDecimal.ZERO.setScale(2);
                for (int i = 0; i < q.lines().size(); i++) {
                    QuotedLine l = q.lines().get(i);
                    BigDecimal repriced = l.duty();
                    if (!newDate.isBefore(SURCHARGE_FROM) && !"US".equals(l.origin())) {
                        repriced = repriced.add(l.value().multiply(BigDecimal.TEN).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
                    }
                    change(lines.addObject().put("lineNumber", i + 1), l.duty(), repriced);
                    oldDuty = oldDuty.add(l.duty());
                    newDuty = newDuty.add(repriced);
                }
                change(s.putObject("duty"), oldDuty, newDuty);
                change(s.putObject("fees"), q.fees(), q.fees());
                change(s.putObject("total"), oldDuty.add(q.fees()), newDuty.add(q.fees()));
                oldAll = oldAll.add(oldDuty).add(q.fees());
                newAll = newAll.add(newDuty).add(q.fees());
            }
            change(answer.putObject("total"), oldAll, newAll);
            return ResponseDefinitionBuilder.like(stubbed).but().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(answer)).build();
        } catch (IOException | RuntimeException e) {
            return ResponseDefinitionBuilder.like(stubbed).but().withStatus(599)
                    .withBody("fake tariff-service could not read the request: " + e).build();
        }
    }

    /**
     * The organisation a request to the fake acts for: the X-On-Behalf-Of-Org procurement-service's service account
     * sends with each quote and what-if (its token in the tests names no group {@link Tokens#actingOrg} reads), else
     * the token's org claim.
     */
    static String actingOrg(ServeEvent serveEvent) {
        String onBehalfOf = serveEvent.getRequest().getHeader("X-On-Behalf-Of-Org");
        return onBehalfOf != null ? onBehalfOf : Tokens.orgClaim(serveEvent.getRequest().getHeader("Authorization"));
    }

    private static ObjectNode change(ObjectNode node, BigDecimal old, BigDecimal now) {
        node.put("old", old);
        node.put("new", now);
        node.put("difference", now.subtract(old));
        return node;
    }

    private static ResponseDefinition notFound(ResponseDefinition stubbed, String id) throws IOException {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "https://rigledger.io/problems/not-found");
        problem.put("title", "Not found");
        problem.put("status", 404);
        problem.put("detail", "no duty quote " + id);
        problem.put("instance", "/api/duty-quotes/what-if");
        return ResponseDefinitionBuilder.like(stubbed).but().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody(JSON.writeValueAsString(problem)).build();
    }
}

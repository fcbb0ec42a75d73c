package io.rigledger.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.rigledger.testsupport.Contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * How the end-to-end tests call the running stack: one REST Assured request per person of the
 * realm (alice operator, fiona finance, oscar ops of northwind; bob operator of another
 * organisation), with a real Keycloak token and every request and response checked against the
 * service's own contract (test-support's {@link Contract}).
 *
 * <p>Tokens are fetched once per person and again when older than {@link #TOKEN_REUSE} (the
 * realm's access tokens live 300 s), so a long journey never sends an expired one.
 */
final class Calls {

    /**
     * Money stays exact: no binary floating point between the wire and the sums, and decimals keep
     * the scale they were answered with (Jackson's tree would otherwise strip 5400.00 to 5.4E+3).
     */
    static final ObjectMapper MONEY = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private static final Duration TOKEN_REUSE = Duration.ofSeconds(200);

    private record Token(String jwt, Instant fetched) {
    }

    private final StackSettings settings;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Calls(StackSettings settings) {
        this.settings = settings;
    }

    StackSettings settings() {
        return settings;
    }

    /** A request to procurement-service as {@code user}, validated against procurement.yaml. */
    RequestSpecification procurement(String user) {
        return as(ServiceApp.PROCUREMENT, user);
    }

    /** A request to inventory-service as {@code user}, validated against inventory.yaml. */
    RequestSpecification inventory(String user) {
        return as(ServiceApp.INVENTORY, user);
    }

    /** A request to tariff-service as {@code user}, validated against tariff.yaml. */
    RequestSpecification tariff(String user) {
        return as(ServiceApp.TARIFF, user);
    }

    private RequestSpecification as(ServiceApp app, String user) {
        return given().filter(Contract.strict(spec(app))).baseUri(settings.serviceUrl(app))
                .auth().oauth2(token(user)).contentType(ContentType.JSON);
    }

    /** The contract file of {@code app} (its src/main/openapi/*.yaml). */
    String spec(ServiceApp app) {
        return spec(settings, app);
    }

    /** The contract file of {@code app} (its src/main/openapi/*.yaml) in the checkout of {@code settings}. */
    static String spec(StackSettings settings, ServiceApp app) {
        String file = switch (app) {
            case PROCUREMENT -> "procurement-service/src/main/openapi/procurement.yaml";
            case INVENTORY -> "inventory-service/src/main/openapi/inventory.yaml";
            case TARIFF -> "tariff-service/src/main/openapi/tariff.yaml";
            case CONSOLE -> throw new IllegalArgumentException("the console serves pages, not a contract");
        };
        return settings.root().resolve(file).toString();
    }

    /** {@code user}'s access token from the real Keycloak (password grant), reused while fresh. */
    String token(String user) {
        Token t = tokens.get(user);
        if (t == null || t.fetched().plus(TOKEN_REUSE).isBefore(Instant.now())) {
            t = new Token(Realm.passwordToken(settings.tokenUrl(), Realm.CLI_CLIENT, user), Instant.now());
            tokens.put(user, t);
        }
        return t.jwt();
    }

    /** The body of {@code response} as JSON with exact decimals. */
    static JsonNode json(Response response) {
        try {
            return MONEY.readTree(response.asString());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.asString(), e);
        }
    }

    /** The decimal at {@code pointer} (JSON Pointer), or zero when absent. */
    static BigDecimal money(JsonNode node, String pointer) {
        JsonNode v = node.at(pointer);
        return v.isMissingNode() || v.isNull() ? BigDecimal.ZERO : v.decimalValue();
    }

    /** HALF_UP to the cent, as every stated step of the contracts rounds. */
    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** Equal to the cent, whatever the scale: 12.5 and 12.50 are the same amount. */
    static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }

    /** A short upper-case token unique to this run, for serials, site codes and entry numbers. */
    static String runId() {
        return (Long.toString(System.currentTimeMillis(), 36) + UUID.randomUUID().toString().substring(0, 4))
                .toUpperCase();
    }
}

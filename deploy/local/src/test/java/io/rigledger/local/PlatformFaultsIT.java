package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.rigledger.testsupport.Contract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static io.rigledger.local.JourneyIT.object;
import static io.rigledger.local.JourneyIT.ok;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform under the services fails: PostgreSQL restarted while orders, receipts and payments
 * keep coming ({@link LoadDuringRestart}), and Keycloak killed. Each test brings back what it
 * stopped; every wait is bounded.
 */
@ExtendWith(LocalStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformFaultsIT {

    private static LocalStack stack;
    private static Calls calls;
    private static StackFaults faults;

    @BeforeAll
    static void stack(LocalStack running) {
        stack = running;
        calls = new Calls(running.settings());
        faults = new StackFaults(running);
    }

    /**
     * Orders, receipts and entry payments are sent without pause by three clients while PostgreSQL
     * is stopped (every connection cut) and started again, each write retried with its own
     * Idempotency-Key until acknowledged. The services are not restarted (same pids), answer again
     * within the bound, every order, receipt and payment they acknowledged is there afterwards, and
     * no payment is recorded twice.
     */
    @Test
    @Order(1)
    void postgresRestartedUnderLoadServicesRecoverAndNothingAcknowledgedIsLost() throws Exception {
        List<Long> pids = List.of(stack.part(ServiceApp.PROCUREMENT.id()).pid(), stack.part(ServiceApp.INVENTORY.id()).pid(),
                stack.part(ServiceApp.TARIFF.id()).pid());
        Shipped shipped = Shipped.rigs(calls, 400);
        String entryId = fileEntry(shipped);

        LoadDuringRestart load = new LoadDuringRestart(calls, shipped, entryId);
        LoadDuringRestart.Acknowledged acked = load.run(Duration.ofSeconds(5), faults::restartPostgres, Duration.ofSeconds(10));
        LocalStack.say("postgres restart under load: " + acked);
        // never a 500: a write refused while the database is away is 503 upstream-unavailable (platform's DatabaseOutage)
        acked.refusalKinds().keySet().forEach(kind -> assertTrue(!kind.startsWith("5") || kind.startsWith("503"),
                "a refusal during the restart answered " + kind + ": " + acked));

        assertEquals(pids, List.of(stack.part(ServiceApp.PROCUREMENT.id()).pid(), stack.part(ServiceApp.INVENTORY.id()).pid(),
                stack.part(ServiceApp.TARIFF.id()).pid()), "no service was restarted");
        // recovered: each service answers a write again, within the bound, without a restart
        await("procurement takes orders again").atMost(FaultsIT.RECOVERY).pollInterval(Duration.ofSeconds(1))
                .until(() -> calls.procurement("alice").body(orderBody(shipped.site)).post("/api/purchase-orders").statusCode() == 201);
        assertTrue(acked.ordersAfter() > 0 && acked.receiptsAfter() > 0 && acked.paymentsAfter() > 0,
                "acknowledged writes after the restart too: " + acked);

        for (String id : acked.orders()) {
            ok(calls.procurement("alice").get("/api/purchase-orders/" + id), 200);
        }
        for (var receipt : acked.receipts().entrySet()) {
            JsonNode r = ok(calls.procurement("alice").get("/api/receipts/" + receipt.getKey()), 200);
            List<String> serials = new ArrayList<>();
            r.get("rigs").forEach(rig -> serials.add(rig.get("serialNumber").asText()));
            assertEquals(receipt.getValue(), serials.stream().sorted().toList(), "receipt " + receipt.getKey());
        }
        JsonNode entry = ok(calls.tariff("fiona").get("/api/entries/" + entryId), 200);
        List<String> refs = new ArrayList<>();
        entry.get("payments").forEach(p -> refs.add(p.get("achReference").asText()));
        assertTrue(refs.containsAll(acked.payments()), "every acknowledged payment is kept: " + acked.payments() + " vs " + refs);
        // each payment went with its own Idempotency-Key and was retried with it: none is recorded twice
        Map<String, Long> times = refs.stream().collect(Collectors.groupingBy(ref -> ref, TreeMap::new, Collectors.counting()));
        times.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), times, "payments recorded more than once (achReference: times)");
    }

    /**
     * Keycloak killed (SIGKILL): tokens issued before keep working on all three services (their
     * keys are cached) until they expire, then 401 invalid_token naming the expiry; a new login
     * fails at once with connection refused. Keycloak is started again on its kept database.
     */
    @Test
    @Order(2)
    void keycloakDownIssuedTokensWorkUntilExpiryAndNewLoginsFailClearly() throws Exception {
        StackSettings settings = stack.settings();
        String shortClient = Realm.shortLivedCopyOfCli(settings, Duration.ofSeconds(15));
        try {
            String shortLived = Realm.passwordToken(settings.tokenUrl(), shortClient, "alice");
            String alice = Realm.passwordToken(settings.tokenUrl(), Realm.CLI_CLIENT, "alice");
            String fiona = Realm.passwordToken(settings.tokenUrl(), Realm.CLI_CLIENT, "fiona");
            ConsoleSignIn begun = new ConsoleSignIn(settings);
            URI callback = begun.throughKeycloak("/orders", "alice");
            long killedAt = System.nanoTime();
            faults.killKeycloak();
            try {
                assertEquals(200, read(ServiceApp.PROCUREMENT, alice, "/api/purchase-orders").statusCode());
                assertEquals(200, read(ServiceApp.INVENTORY, alice, "/api/rigs").statusCode());
                assertEquals(200, read(ServiceApp.TARIFF, fiona, "/api/entries").statusCode());
                assertEquals(200, read(ServiceApp.PROCUREMENT, shortLived, "/api/purchase-orders").statusCode());

                HttpRequest login = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=rigledger-cli&username=alice&password=alice"))
                        .build();
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                ConnectException refused = assertThrows(ConnectException.class, () -> http.send(login, HttpResponse.BodyHandlers.ofString()),
                        "a new login fails at once: nothing listens on " + settings.tokenUrl());
                LocalStack.say("keycloak down: a token request to " + settings.tokenUrl() + " fails with " + refused);
                consoleSignInFailsClearly(begun, callback);

                Response expired = await("the 15 s token expires").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> read(ServiceApp.PROCUREMENT, shortLived, "/api/purchase-orders"), r -> r.statusCode() == 401);
                String challenge = expired.header("WWW-Authenticate");
                assertTrue(challenge.contains("error=\"invalid_token\"") && challenge.toLowerCase(Locale.ROOT).contains("expired"),
                        "401 names the expiry: " + challenge);
                assertEquals(200, read(ServiceApp.INVENTORY, alice, "/api/rigs").statusCode(),
                        "alice's 300 s token still works " + Duration.ofNanos(System.nanoTime() - killedAt).toSeconds() + " s after");
            } finally {
                LocalStack.say("keycloak ready again after " + faults.startKeycloak().toMillis() + " ms");
            }
            String fresh = Realm.passwordToken(settings.tokenUrl(), Realm.CLI_CLIENT, "alice");
            assertEquals(200, read(ServiceApp.PROCUREMENT, fresh, "/api/purchase-orders").statusCode(), "logins work again");
            assertEquals(200, read(ServiceApp.PROCUREMENT, alice, "/api/purchase-orders").statusCode(),
                    "same realm keys after the restart: the earlier token still verifies");
        } finally {
            Realm.deleteClient(settings, shortClient);
        }
    }

    /**
     * A person signing in to the console while Keycloak is down: a new visitor is not sent to a login page that
     * cannot load, and one who posted the password just before Keycloak died comes back with a code the console
     * cannot exchange for tokens; both get the console's readable page: 503, text/html, the sentence naming
     * Keycloak, a correlation id, no stack trace. What each gets is printed.
     */
    private static void consoleSignInFailsClearly(ConsoleSignIn begun, URI callback) throws Exception {
        // the console keeps Keycloak's "up" for rigledger.console.sign-in-check-cache (5 s): a new visitor in that window
        // is still sent to Keycloak; after it, to the 503 page
        long downSince = System.nanoTime();
        HttpResponse<String> visiting = await("a new visitor gets the 503 page once the console's kept answer expires")
                .atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> new ConsoleSignIn(stack.settings()).open("/orders"), r -> r.statusCode() == 503);
        LocalStack.say("keycloak down: new visitors sent to the 503 page after " + Duration.ofNanos(System.nanoTime() - downSince).toMillis()
                + " ms (the console keeps Keycloak's answer 5 s)");
        HttpResponse<String> returning = begun.get(callback);
        LocalStack.say("keycloak down: a new visitor of /orders gets " + visiting.statusCode() + " "
                + visiting.headers().firstValue("Content-Type").orElse("(no Content-Type)") + "; a person back from Keycloak with a code gets "
                + returning.statusCode() + " " + returning.headers().firstValue("Content-Type").orElse("(no Content-Type)"));
        for (HttpResponse<String> page : List.of(visiting, returning)) {
            assertEquals(503, page.statusCode(), page.uri() + ": " + page.body());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.uri() + ": " + page.headers());
            assertTrue(page.body().contains(ConsoleSignIn.KEYCLOAK_DOWN), page.uri() + ": " + page.body());
            assertTrue(page.body().contains("id=\"correlation-id\""), page.uri() + ": " + page.body());
            assertFalse(page.body().contains("Exception") || page.body().contains("\tat "), "no stack trace: " + page.body());
            assertTrue(page.headers().firstValue("Location").isEmpty(), "not sent to Keycloak: " + page.headers());
        }
    }

    private static Response read(ServiceApp app, String token, String path) {
        return given().filter(Contract.responses(calls.spec(app))).baseUri(stack.settings().serviceUrl(app))
                .auth().oauth2(token).get(path);
    }

    /** An order body of one Malaysian rig for {@code site}. */
    static String orderBody(String site) {
        ObjectNode order = object().put("supplier", "Bitmain").put("incoterm", "FOB")
                .put("expectedExportDate", JourneyIT.EXPORT_DATE).put("expectedEntryDate", JourneyIT.ENTRY_DATE)
                .put("transportMode", "OCEAN").put("destinationSite", site);
        order.putArray("lines").addObject().put("sku", Journey.MY_MODEL).put("plant", Journey.MY_PLANT)
                .put("quantity", 1).put("unitPrice", Journey.MY_PRICE);
        return order.toString();
    }

    /** fiona's entry for the shipped order's 400 rigs, with MFN 2.6 % declared on them (so many small payments fit). */
    private static String fileEntry(Shipped shipped) {
        ObjectNode body = object().put("entryNumber", "P" + shipped.run.substring(shipped.run.length() - 2) + "-"
                        + String.format(Locale.ROOT, "%07d", Math.floorMod(shipped.run.hashCode(), 10_000_000)) + "-1")
                .put("entryType", "01").put("entryDate", JourneyIT.ENTRY_DATE).put("exportDate", JourneyIT.EXPORT_DATE)
                .put("portCode", "2704").put("transportMode", "OCEAN").put("importer", "Northwind Mining LLC");
        ObjectNode line = body.putArray("lines").addObject().put("htsCode", "8543.70.9860").put("originCountry", "MY")
                .put("customsValue", new BigDecimal("2160000.00")).put("quantity", 400).put("manufacturer", "Bitmain");
        line.putArray("layers").addObject().put("program", "MFN").put("heading", "8543.70.98")
                .put("ratePercent", new BigDecimal("2.6")).put("amount", new BigDecimal("56160.00"));
        body.putArray("orderLines").addObject().put("purchaseOrderId", shipped.orderId).put("lineNumber", 1)
                .put("entryLine", 1).put("value", new BigDecimal("2160000.00")).put("quantity", 400);
        return ok(calls.tariff("fiona").body(body.toString()).post("/api/entries"), 201).get("id").asText();
    }
}

package io.rigledger.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An address the console does not have, and one too long to read: the console's own readable page, with the right status. */
@QuarkusTest
class ErrorPagesTest {

    @Test
    void anUnknownAddressGetsThe404PageOfTheConsolesLayout() {
        assertPage(given().redirects().follow(false).get("/no/such/page"), 404, "Page not found");
    }

    @Test
    void anAddressOf5000CharactersGetsThe414PageOfTheConsolesLayout() {
        assertPage(given().redirects().follow(false).urlEncodingEnabled(false).get("/finance/reconciliation?q=" + "x".repeat(5_000)),
                414, "Address too long");
    }

    private static void assertPage(Response page, int status, String title) {
        assertEquals(status, page.statusCode(), page.asString());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String body = page.asString();
        assertTrue(body.contains("<h1>" + title + "</h1>") && body.contains("id=\"problem-detail\""), body);
        assertTrue(body.contains("RigLedger console</title>") && body.contains("href=\"/console.css\""), "the console's layout: " + body);
    }
}

package io.rigledger.procurement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rigledger.platform.caller.VerifiedTokens;
import io.rigledger.testsupport.Contract;
import io.rigledger.testsupport.Tokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.rigledger.procurement.ProcurementTestResources.CONTRACT;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verified-token cache (platform VerifiedTokens): a token is kept only after Quarkus OIDC verified it, under the
 * whole token, and served only until it expires. Orders under DDP (no quote asked) show whose identity a request got:
 * the order's org and createdBy come from the caller's token.
 */
@QuarkusTest
class VerifiedTokensTest {

    private static final String DDP_ORDER = """
            {"supplier":"Bitmain","incoterm":"DDP","expectedExportDate":"2026-11-01","expectedEntryDate":"2026-12-15",
             "transportMode":"OCEAN","destinationSite":"DAL1",
             "lines":[{"sku":"antminer-s21","plant":"BITMAIN-CN","quantity":1,"unitPrice":4000.00}]}""";

    @Inject
    VerifiedTokens tokens;

    private static RequestSpecification as(String token) {
        return given().filter(Contract.strict(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static RequestSpecification refusedAs(String token) {
        return given().filter(Contract.responses(CONTRACT)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String newOrg() {
        return "org-" + UUID.randomUUID();
    }

    @Test
    void aKeptTokenIsRefusedAsExpiredOnceItsExpiryHasPassed() throws InterruptedException {
        String org = newOrg();
        String token = Tokens.user(Duration.ofSeconds(3), "short-lived-" + org, org, "operator");
        long exp = Instant.now().plusSeconds(3).getEpochSecond();
        as(token).get("/api/purchase-orders").then().statusCode(200);
        as(token).get("/api/purchase-orders").then().statusCode(200);
        assertTrue(tokens.holds(token), "a verified token is kept");

        while (Instant.now().getEpochSecond() <= exp) {
            Thread.sleep(200);
        }
        refusedAs(token).get("/api/purchase-orders").then().statusCode(401)
                .header("WWW-Authenticate", containsString("expired"));
        assertFalse(tokens.holds(token), "an expired token is dropped");
    }

    @Test
    void aTokenWhoseSignatureDoesNotVerifyIsNeverKeptNorServedForTheTokenItCopies() {
        String org = newOrg();
        String forged = Tokens.signedWithAnotherKey(org, "operator");
        refusedAs(forged).get("/api/purchase-orders").then().statusCode(401);
        refusedAs(forged).get("/api/purchase-orders").then().statusCode(401);
        assertFalse(tokens.holds(forged));

        // the claims of a kept token under another signature: another key, verified (and refused) by Quarkus OIDC
        String good = Tokens.operator(org);
        as(good).get("/api/purchase-orders").then().statusCode(200);
        assertTrue(tokens.holds(good));
        String resigned = good.substring(0, good.lastIndexOf('.') + 1)
                + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[256]);
        refusedAs(resigned).get("/api/purchase-orders").then().statusCode(401)
                .header("WWW-Authenticate", containsString("signature"));
        assertFalse(tokens.holds(resigned));
    }

    @Test
    void thePersonsTokenOfAnotherOrganisationGetsItsOwnIdentity() {
        String orgA = newOrg();
        String orgB = newOrg();
        // the same person (same subject and user name) in two organisations: two tokens, two identities
        String tokenA = Tokens.user("same-person", orgA, "operator");
        String tokenB = Tokens.user("same-person", orgB, "operator");
        String idA = as(tokenA).body(DDP_ORDER).post("/api/purchase-orders")
                .then().statusCode(201).body("org", equalTo(orgA)).extract().path("id");
        as(tokenB).body(DDP_ORDER).post("/api/purchase-orders")
                .then().statusCode(201).body("org", equalTo(orgB)).body("createdBy", equalTo("same-person"));
        assertTrue(tokens.holds(tokenA) && tokens.holds(tokenB));
        as(tokenA).get("/api/purchase-orders/" + idA).then().statusCode(200).body("org", equalTo(orgA));
        refusedAs(tokenB).get("/api/purchase-orders/" + idA).then().statusCode(404);
    }
}

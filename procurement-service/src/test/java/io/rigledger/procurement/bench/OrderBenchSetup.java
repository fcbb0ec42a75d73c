package io.rigledger.procurement.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.rigledger.procurement.fakes.FakeCatalogue;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.testsupport.EmbeddedPostgresResource;
import io.rigledger.testsupport.Tokens;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The surroundings of procurement-service's order benchmark (bench/run.sh): one embedded
 * PostgreSQL with databases procurement and tariff (the real tariff-service runs on the second);
 * a token endpoint handing procurement-service a client-credentials token of role service signed
 * with the test key (what Keycloak would issue); and inventory-service's catalogue (models and
 * plants, read once and cached by procurement-service, so not on the measured path). Writes the
 * settings to the file named by the first argument (DB URLs, the key's public half, the
 * neighbour's address, an operator token BENCH_TOKEN and the procurement database's psql URL for
 * pgbench), then waits until it is killed, keeping everything up.
 */
public final class OrderBenchSetup {

    private OrderBenchSetup() {
    }

    public static void main(String[] args) throws IOException, JoseException, InterruptedException {
        EmbeddedPostgresResource procurement = new EmbeddedPostgresResource();
        procurement.init(Map.of("database", "procurement"));
        Map<String, String> procurementDb = procurement.start();
        EmbeddedPostgresResource tariff = new EmbeddedPostgresResource();
        tariff.init(Map.of("database", "tariff"));
        Map<String, String> tariffDb = tariff.start();
        int pgPort = EmbeddedPostgresResource.server().getPort();

        WireMockServer neighbours = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(8));
        neighbours.start();
        neighbours.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + Tokens.service("procurement-service")
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        neighbours.stubFor(get(urlPathEqualTo(FakeUpstreams.MODELS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(FakeCatalogue.CATALOGUE)));
        neighbours.stubFor(get(urlPathEqualTo(FakeUpstreams.PLANTS)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(FakeCatalogue.PLANT_LIST)));

        String publicKey;
        try (InputStream jwk = OrderBenchSetup.class.getResourceAsStream("/privateKey.jwk")) {
            if (jwk == null) {
                throw new IllegalStateException("privateKey.jwk of quarkus-test-oidc-server is not on the classpath");
            }
            RsaJsonWebKey key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(new String(jwk.readAllBytes(), StandardCharsets.UTF_8));
            publicKey = Base64.getEncoder().encodeToString(key.getRsaPublicKey().getEncoded());
        }
        String env = "PROCUREMENT_DB_URL=" + procurementDb.get("quarkus.datasource.jdbc.url") + "\n"
                + "TARIFF_DB_URL=" + tariffDb.get("quarkus.datasource.jdbc.url") + "\n"
                + "PGBENCH_URL=postgresql://postgres:postgres@localhost:" + pgPort + "/procurement\n"
                + "OIDC_PUBLIC_KEY=" + publicKey + "\n"
                + "OIDC_ISSUER=" + Tokens.ISSUER + "\n"
                + "NEIGHBOURS_URL=" + neighbours.baseUrl() + "\n"
                + "BENCH_TOKEN=" + Tokens.user("bench-operator", "bench", "operator") + "\n";
        Path out = Path.of(args[0]);
        Files.writeString(out.resolveSibling(out.getFileName() + ".tmp"), env);
        Files.move(out.resolveSibling(out.getFileName() + ".tmp"), out);
        new CountDownLatch(1).await();
    }
}

package io.rigledger.procurement.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.rigledger.procurement.fakes.FakeCatalogue;
import io.rigledger.procurement.fakes.FakeUpstreams;
import io.rigledger.testsupport.Tokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The surroundings of procurement-service's order benchmark (bench/run.sh): one embedded
 * PostgreSQL, durable (fsync and synchronous_commit on), with databases procurement and tariff (the
 * real tariff-service runs on the second);
 * a token endpoint handing procurement-service a client-credentials token of role service signed
 * with the test key (what Keycloak would issue); and inventory-service's catalogue (models and
 * plants, read once and cached by procurement-service, so not on the measured path). Writes the
 * settings to the file named by the first argument (DB URLs, the key's public half, the
 * neighbour's address, an operator token BENCH_TOKEN and the procurement database's psql URL for
 * pgbench), then waits until it is killed, keeping everything up.
 */
public final class OrderBenchSetup {

    /** Longer than any bench run, also on a loaded machine where the services start slowly. */
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private OrderBenchSetup() {
    }

    public static void main(String[] args) throws IOException, JoseException, InterruptedException {
        EmbeddedPostgres pg = durablePostgres();
        int pgPort = pg.getPort();

        WireMockServer neighbours = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(8));
        neighbours.start();
        neighbours.stubFor(post(urlPathEqualTo("/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + Tokens.service(TOKEN_LIFETIME, "procurement-service")
                        + "\",\"token_type\":\"Bearer\",\"expires_in\":" + TOKEN_LIFETIME.toSeconds() + "}")));
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
        String env = "PROCUREMENT_DB_URL=" + pg.getJdbcUrl("postgres", "procurement") + "\n"
                + "TARIFF_DB_URL=" + pg.getJdbcUrl("postgres", "tariff") + "\n"
                + "PGBENCH_URL=postgresql://postgres:postgres@localhost:" + pgPort + "/procurement\n"
                + "OIDC_PUBLIC_KEY=" + publicKey + "\n"
                + "OIDC_ISSUER=" + Tokens.ISSUER + "\n"
                + "NEIGHBOURS_URL=" + neighbours.baseUrl() + "\n"
                + "BENCH_TOKEN=" + Tokens.user(TOKEN_LIFETIME, "bench-operator", "bench", "operator") + "\n";
        Path out = Path.of(args[0]);
        Files.writeString(out.resolveSibling(out.getFileName() + ".tmp"), env);
        Files.move(out.resolveSibling(out.getFileName() + ".tmp"), out);
        new CountDownLatch(1).await();
    }

    /**
     * PostgreSQL committing as a production server does (as in tariff-service's HttpBenchSetup): zonky's
     * embedded server starts with fsync and synchronous_commit off, fine for tests but not for comparing a
     * service whose every answer follows a durable commit with pgbench. Both are turned on here and
     * checked; then the databases procurement and tariff.
     */
    private static EmbeddedPostgres durablePostgres() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start();
        try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit')")) {
                rs.next();
                if (!"on".equals(rs.getString(1)) || !"on".equals(rs.getString(2))) {
                    throw new IllegalStateException("the bench's PostgreSQL commits with fsync=" + rs.getString(1)
                            + ", synchronous_commit=" + rs.getString(2));
                }
            }
            s.execute("create database procurement");
            s.execute("create database tariff");
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the bench's PostgreSQL", e);
        }
        return pg;
    }
}

package io.rigledger.tariff.bench;

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

/**
 * The surroundings of the HTTP benchmark (bench/run.sh): starts an embedded PostgreSQL with a
 * database tariff, and writes to the file named by the first argument the settings the packaged
 * service runs with (DB_URL, OIDC_PUBLIC_KEY: the test signing key's public half, so tokens are
 * verified locally without Keycloak), a signed operator token (BENCH_TOKEN) and a service account's
 * token (BENCH_SERVICE_TOKEN, role service, as procurement-service sends it). Then waits until
 * it is killed, keeping PostgreSQL up.
 */
public final class HttpBenchSetup {

    private HttpBenchSetup() {
    }

    public static void main(String[] args) throws IOException, JoseException, InterruptedException {
        EmbeddedPostgresResource pg = new EmbeddedPostgresResource();
        pg.init(Map.of("database", "tariff"));
        Map<String, String> db = pg.start();
        String publicKey;
        try (InputStream jwk = HttpBenchSetup.class.getResourceAsStream("/privateKey.jwk")) {
            if (jwk == null) {
                throw new IllegalStateException("privateKey.jwk of quarkus-test-oidc-server is not on the classpath");
            }
            RsaJsonWebKey key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(new String(jwk.readAllBytes(), StandardCharsets.UTF_8));
            publicKey = Base64.getEncoder().encodeToString(key.getRsaPublicKey().getEncoded());
        }
        String env = "DB_URL=" + db.get("quarkus.datasource.jdbc.url") + "\n"
                + "OIDC_PUBLIC_KEY=" + publicKey + "\n"
                + "OIDC_ISSUER=" + Tokens.ISSUER + "\n"
                + "BENCH_TOKEN=" + Tokens.user("bench-operator", "bench", "operator") + "\n"
                + "BENCH_SERVICE_TOKEN=" + Tokens.service("procurement-service") + "\n";
        Path out = Path.of(args[0]);
        Files.writeString(out.resolveSibling(out.getFileName() + ".tmp"), env);
        Files.move(out.resolveSibling(out.getFileName() + ".tmp"), out);
        new CountDownLatch(1).await();
    }
}

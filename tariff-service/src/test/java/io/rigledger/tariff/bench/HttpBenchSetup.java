package io.rigledger.tariff.bench;

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

/**
 * The surroundings of the HTTP benchmark (bench/run.sh): starts an embedded PostgreSQL with a
 * database tariff, and writes to the file named by the first argument the settings the packaged
 * service runs with (DB_URL, OIDC_PUBLIC_KEY: the test signing key's public half, so tokens are
 * verified locally without Keycloak), a signed operator token (BENCH_TOKEN) and a service account's
 * token (BENCH_SERVICE_TOKEN, role service, as procurement-service sends it) and PostgreSQL's
 * postmaster process id (BENCH_PG_PID). Commits are durable as in production (fsync and
 * synchronous_commit on; the embedded server's defaults are off). Then waits until
 * it is killed, keeping PostgreSQL up.
 */
public final class HttpBenchSetup {

    /** How long the bench's tokens live: 2 h, so a run on a loaded machine never outlives them (the default is 5 minutes). */
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

    private HttpBenchSetup() {
    }

    public static void main(String[] args) throws IOException, JoseException, InterruptedException {
        EmbeddedPostgres pg = durablePostgres();
        String postmaster = postmasterOf(pg);
        String publicKey;
        try (InputStream jwk = HttpBenchSetup.class.getResourceAsStream("/privateKey.jwk")) {
            if (jwk == null) {
                throw new IllegalStateException("privateKey.jwk of quarkus-test-oidc-server is not on the classpath");
            }
            RsaJsonWebKey key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(new String(jwk.readAllBytes(), StandardCharsets.UTF_8));
            publicKey = Base64.getEncoder().encodeToString(key.getRsaPublicKey().getEncoded());
        }
        String env = "DB_URL=" + pg.getJdbcUrl("postgres", "tariff") + "\n"
                + "OIDC_PUBLIC_KEY=" + publicKey + "\n"
                + "OIDC_ISSUER=" + Tokens.ISSUER + "\n"
                + "BENCH_TOKEN=" + Tokens.user(TOKEN_LIFETIME, "bench-operator", "bench", "operator") + "\n"
                + "BENCH_SERVICE_TOKEN=" + Tokens.service(TOKEN_LIFETIME, "procurement-service") + "\n"
                + "BENCH_PG_PID=" + postmaster + "\n";
        Path out = Path.of(args[0]);
        Files.writeString(out.resolveSibling(out.getFileName() + ".tmp"), env);
        Files.move(out.resolveSibling(out.getFileName() + ".tmp"), out);
        new CountDownLatch(1).await();
    }

    /**
     * PostgreSQL committing as a production server does: zonky's embedded server starts with
     * {@code -F} (fsync off) and synchronous_commit=off, fine for tests but not for a benchmark of a
     * service whose claim is that nothing is answered before its commit is on disk. Both are turned
     * on here (a later {@code -c} wins over {@code -F}) and checked in a session of database tariff.
     */
    private static EmbeddedPostgres durablePostgres() throws IOException {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on").start();
        try (Connection admin = pg.getPostgresDatabase().getConnection(); Statement s = admin.createStatement()) {
            s.execute("create database tariff");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the bench's database", e);
        }
        return pg;
    }

    /** The postmaster's process id (postmaster.pid's first line), for the bench's CPU time per request. */
    private static String postmasterOf(EmbeddedPostgres pg) throws IOException {
        try (Connection c = pg.getDatabase("postgres", "tariff").getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select current_setting('synchronous_commit'), current_setting('fsync'), "
                     + "current_setting('data_directory')")) {
            rs.next();
            if (!"on".equals(rs.getString(1)) || !"on".equals(rs.getString(2))) {
                throw new IllegalStateException("the bench's PostgreSQL commits with synchronous_commit=" + rs.getString(1)
                        + ", fsync=" + rs.getString(2));
            }
            return Files.readAllLines(Path.of(rs.getString(3), "postmaster.pid")).get(0).trim();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the bench's PostgreSQL settings", e);
        }
    }
}

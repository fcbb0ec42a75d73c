package io.rigledger.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the local stack lives and which ports it uses. Every value has a default and can be changed
 * by a system property {@code rigledger.<key>} or an environment variable {@code RIGLEDGER_<KEY>}
 * (dots and hyphens become underscores), the system property winning:
 *
 * <pre>
 * root               the repository (found from this jar's location)
 * local.dir          run folder: logs/ and the PostgreSQL data     (default &lt;root&gt;/.local)
 * postgres.port      55432
 * postgres.fresh     true: drop the PostgreSQL data and start from empty databases (false;
 *                    ./run.sh --fresh; the end-to-end tests always start fresh)
 * keycloak.port      8180
 * keycloak.hostname  Keycloak's fixed public URL, the base of every token's iss
 *                    (default http://localhost:&lt;keycloak.port&gt;; passed to Keycloak as KC_HOSTNAME)
 * keycloak.home      unpacked distribution (default deploy/local/target/keycloak-&lt;version&gt;)
 * keycloak.timeout   seconds until Keycloak must be ready           (120)
 * procurement.port   8081, inventory.port 8082, tariff.port 8083, console.port 8084
 * service.timeout    seconds until each service must be ready       (60)
 * service.java.opts  extra JVM options for the services and the console (none)
 * procurement.java.opts, inventory.java.opts, tariff.java.opts, console.java.opts: extra JVM options for that
 *                    application alone (a -D of its own config: the others refuse unknown rigledger.* keys); unset,
 *                    inventory gets -Xmx128m -XX:+UseSerialGC (ServiceApp), the others none
 * </pre>
 */
public record StackSettings(
        Path root,
        Path runDir,
        int postgresPort,
        boolean postgresFresh,
        int keycloakPort,
        String keycloakHostname,
        Path keycloakHome,
        Duration keycloakTimeout,
        Map<ServiceApp, Integer> servicePorts,
        Duration serviceTimeout,
        String serviceJavaOpts) {

    public static final String REALM = "rigledger";
    public static final String DB_USER = "postgres";
    public static final String DB_PASSWORD = "postgres";
    public static final String KEYCLOAK_ADMIN = "admin";
    public static final String KEYCLOAK_ADMIN_PASSWORD = "admin";

    /** Reads the settings from system properties and the environment. */
    public static StackSettings fromEnvironment() {
        Path root = setting("root").map(Path::of).orElseGet(StackSettings::findRoot).toAbsolutePath().normalize();
        Path runDir = setting("local.dir").map(Path::of).orElse(root.resolve(".local")).toAbsolutePath().normalize();
        Path keycloakHome = setting("keycloak.home").map(Path::of)
                .orElse(root.resolve("deploy/local/target/keycloak-" + keycloakVersion()))
                .toAbsolutePath().normalize();
        Map<ServiceApp, Integer> ports = new EnumMap<>(ServiceApp.class);
        for (ServiceApp app : ServiceApp.values()) {
            ports.put(app, intSetting(app.settingsKey() + ".port", app.defaultPort()));
        }
        int keycloakPort = intSetting("keycloak.port", 8180);
        String keycloakHostname = setting("keycloak.hostname").map(StackSettings::publicUrl)
                .orElse("http://localhost:" + keycloakPort);
        return new StackSettings(root, runDir,
                intSetting("postgres.port", 55432),
                booleanSetting("postgres.fresh"),
                keycloakPort,
                keycloakHostname,
                keycloakHome,
                Duration.ofSeconds(intSetting("keycloak.timeout", 120)),
                Map.copyOf(ports),
                Duration.ofSeconds(intSetting("service.timeout", 60)),
                setting("service.java.opts").orElse(""));
    }

    public Path logDir() {
        return runDir.resolve("logs");
    }

    public Path postgresDataDir() {
        return runDir.resolve("postgres");
    }

    public Path realmFile() {
        return root.resolve("deploy/keycloak/realm-rigledger.json");
    }

    /**
     * The demo users (alice, bob, fiona, oscar, ada, each with the user name as password) in Keycloak's
     * users import format; local and dev only, never imported in prod.
     */
    public Path demoUsersFile() {
        return root.resolve("deploy/keycloak/rigledger-users-0.json");
    }

    public Path serviceJar(ServiceApp app) {
        return root.resolve(app.id()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public int port(ServiceApp app) {
        return servicePorts.get(app);
    }

    public String serviceUrl(ServiceApp app) {
        return "http://localhost:" + port(app);
    }

    /** Where Keycloak answers on this machine, for people: {@code http://localhost:8180}. */
    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    /**
     * The one issuer: the {@code iss} of every token of the realm, whichever address the token was
     * fetched through, because Keycloak runs with the fixed hostname {@link #keycloakHostname}.
     */
    public String issuerUrl() {
        return keycloakHostname + "/realms/" + REALM;
    }

    /** The realm's token endpoint on this machine (reached through {@link #keycloakUrl}). */
    public String tokenUrl() {
        return keycloakUrl() + "/realms/" + REALM + "/protocol/openid-connect/token";
    }

    /**
     * The realm as the services reach it: through 127.0.0.1, another address than the public one,
     * as pods reach Keycloak through its in-cluster Service. Keycloak answers their discovery with
     * the public issuer and back-channel endpoints (token, JWKS) at this address.
     */
    public String backchannelRealmUrl() {
        return "http://127.0.0.1:" + keycloakPort + "/realms/" + REALM;
    }

    public String jdbcUrl(ServiceApp app) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + app.database();
    }

    /** The Keycloak version this launcher was built with (the one the build unpacked). */
    public static String keycloakVersion() {
        try (InputStream in = StackSettings.class.getResourceAsStream("/local-stack.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("keycloak.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> setting(String key) {
        String value = System.getProperty("rigledger." + key);
        if (value == null || value.isBlank()) {
            value = System.getenv("RIGLEDGER_" + key.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * A public URL as Keycloak's hostname option wants it when the back channel is dynamic: scheme,
     * host, optional port and path, no trailing slash.
     *
     * @throws IllegalArgumentException when {@code value} is not an absolute http(s) URL
     */
    static String publicUrl(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("setting keycloak.hostname must be a URL such as http://localhost:8180, not " + value);
        }
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("setting keycloak.hostname must be a URL such as http://localhost:8180, not " + value);
        }
        return value.replaceAll("/+$", "");
    }

    private static boolean booleanSetting(String key) {
        return setting(key).map(v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("setting " + key + " must be true or false, not " + v);
        }).orElse(false);
    }

    private static int intSetting(String key, int defaultValue) {
        return setting(key).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting " + key + " must be a number, not " + v);
            }
        }).orElse(defaultValue);
    }

    /** The repository is the first folder above this code that holds the realm file. */
    private static Path findRoot() {
        Path start;
        try {
            start = Path.of(StackSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            start = Path.of("").toAbsolutePath();
        }
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/keycloak/realm-rigledger.json"))) {
                return p;
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy/keycloak/realm-rigledger.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository (no deploy/keycloak/realm-rigledger.json above "
                + start + "); set RIGLEDGER_ROOT");
    }
}

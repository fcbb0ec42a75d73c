package io.rigledger.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * keycloak.port      8180
 * keycloak.home      unpacked distribution (default deploy/local/target/keycloak-&lt;version&gt;)
 * keycloak.timeout   seconds until Keycloak must be ready           (120)
 * procurement.port   8081, inventory.port 8082, tariff.port 8083
 * service.timeout    seconds until each service must be ready       (60)
 * service.java.opts  extra JVM options for the three services        (none)
 * </pre>
 */
public record StackSettings(
        Path root,
        Path runDir,
        int postgresPort,
        int keycloakPort,
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
        return new StackSettings(root, runDir,
                intSetting("postgres.port", 55432),
                intSetting("keycloak.port", 8180),
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

    public Path serviceJar(ServiceApp app) {
        return root.resolve(app.id()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public int port(ServiceApp app) {
        return servicePorts.get(app);
    }

    public String serviceUrl(ServiceApp app) {
        return "http://localhost:" + port(app);
    }

    public String keycloakUrl() {
        return "http://localhost:" + keycloakPort;
    }

    public String issuerUrl() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    public String tokenUrl() {
        return issuerUrl() + "/protocol/openid-connect/token";
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

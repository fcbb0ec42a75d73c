package io.rigledger.local;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The RigLedger applications as the local stack runs them: folder, database, default port. The three
 * services (APIs with a database each) and the web console (no database; it calls the three).
 */
public enum ServiceApp {
    TARIFF("tariff-service", "tariff", 8083, ""),
    // a bounded heap: without one G1 may grow it to a quarter of the machine (docs/fleet.md, "Memory while rigs load")
    INVENTORY("inventory-service", "inventory", 8082, "-Xmx128m -XX:+UseSerialGC"),
    PROCUREMENT("procurement-service", "procurement", 8081, ""),
    CONSOLE("console", null, 8084, "");

    private final String id;
    private final String database;
    private final int defaultPort;
    private final String defaultJavaOpts;

    ServiceApp(String id, String database, int defaultPort, String defaultJavaOpts) {
        this.id = id;
        this.database = database;
        this.defaultPort = defaultPort;
        this.defaultJavaOpts = defaultJavaOpts;
    }

    /** The JVM options of this service when {@code <service>.java.opts} is not set (may be empty). */
    String defaultJavaOpts() {
        return defaultJavaOpts;
    }

    /** Folder name, Keycloak client id and log file name, e.g. {@code tariff-service}. */
    public String id() {
        return id;
    }

    /** The PostgreSQL database of the service; null for the console, which has none. */
    public String database() {
        return database;
    }

    /** The three services with an API (and a database), without the console. */
    public static List<ServiceApp> apis() {
        return Arrays.stream(values()).filter(app -> app.database != null).toList();
    }

    /** The databases the local PostgreSQL holds: one per service. */
    public static List<String> databases() {
        return Arrays.stream(values()).map(ServiceApp::database).filter(Objects::nonNull).toList();
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The local-dev client secret: Keycloak gets it as {@link #clientSecretVariable()}, the service as OIDC_CLIENT_SECRET. */
    public String clientSecret() {
        return id + "-secret";
    }

    /**
     * The variable Keycloak's realm import replaces the client's {@code "secret": "${...}"} with
     * (deploy/keycloak/realm-rigledger.json), e.g. {@code TARIFF_SERVICE_CLIENT_SECRET}; the Kubernetes
     * Keycloak Deployment sets the same names from the services' Secrets.
     */
    public String clientSecretVariable() {
        return id.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET";
    }

    /** Settings key prefix, e.g. {@code procurement} in {@code rigledger.procurement.port}, {@code console}. */
    String settingsKey() {
        return id.contains("-") ? id.substring(0, id.indexOf('-')) : id;
    }
}

package io.rigledger.local;

/** The three RigLedger services as the local stack runs them: folder, database, default port. */
public enum ServiceApp {
    TARIFF("tariff-service", "tariff", 8083),
    INVENTORY("inventory-service", "inventory", 8082),
    PROCUREMENT("procurement-service", "procurement", 8081);

    private final String id;
    private final String database;
    private final int defaultPort;

    ServiceApp(String id, String database, int defaultPort) {
        this.id = id;
        this.database = database;
        this.defaultPort = defaultPort;
    }

    /** Folder name, Keycloak client id and log file name, e.g. {@code tariff-service}. */
    public String id() {
        return id;
    }

    public String database() {
        return database;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The local-dev placeholder secret from deploy/keycloak/realm-rigledger.json. */
    public String clientSecret() {
        return id + "-secret";
    }

    /** Settings key prefix, e.g. {@code procurement} in {@code rigledger.procurement.port}. */
    String settingsKey() {
        return id.substring(0, id.indexOf('-'));
    }
}

package io.rigledger.tariff.upstream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Where procurement-service answers and how long tariff-service waits for it when it checks an entry's
 * order lines ({@link ProcurementOrders}), under {@code rigledger.procurement.*} (the URL from environment
 * PROCUREMENT_URL, which deploy/local's launcher and the deploy/kubernetes ConfigMap set; the timeouts as
 * RIGLEDGER_PROCUREMENT_CONNECT_TIMEOUT_MS and RIGLEDGER_PROCUREMENT_READ_TIMEOUT_MS). The generated client's quarkus.rest-client.procurement.*
 * settings are these values.
 */
@ConfigMapping(prefix = "rigledger.procurement")
public interface ProcurementConfig {

    /** Base URL of procurement-service; application.properties takes it from PROCUREMENT_URL (local default http://localhost:8081). */
    @WithDefault("http://localhost:8081")
    String url();

    /** Milliseconds to open a connection. */
    @WithDefault("1000")
    @Min(1)
    int connectTimeoutMs();

    /** Milliseconds to wait for an answer; with the one retry a filing waits about twice this before its 503. */
    @WithDefault("2000")
    @Min(1)
    int readTimeoutMs();
}

package io.rigledger.procurement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * procurement-service's own settings, under {@code rigledger.procurement.*} (environment:
 * RIGLEDGER_PROCUREMENT_...). Shared settings (paging, organisation, rate limits) are the
 * platform's {@code rigledger.*}. Retries and circuit breakers of the neighbour calls are
 * configured as {@code quarkus.fault-tolerance."<class>/<method>".*} in application.properties.
 */
@ConfigMapping(prefix = "rigledger.procurement")
public interface ProcurementConfig {

    /**
     * HTS statistical number of ASIC miners, used for an order line that names none: 8543.70.9860 for
     * entries from 2022-01-27 (tariff-service refuses a number not in force on the date of entry).
     */
    @WithDefault("8543.70.9860")
    String defaultHtsCode();

    Upstream upstream();

    /**
     * How long to wait for a neighbour, in milliseconds; quarkus.rest-client.tariff.* and
     * quarkus.rest-client.inventory.* read these.
     */
    interface Upstream {
        @WithDefault("2000")
        int connectTimeoutMs();

        @WithDefault("2000")
        int readTimeoutMs();
    }
}

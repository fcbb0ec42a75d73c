package io.rigledger.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * inventory-service's own settings, under {@code rigledger.inventory.*} (environment: RIGLEDGER_INVENTORY_...).
 * Shared settings (paging, organisation, rate limits) are the platform's {@code rigledger.*}. Retries and the
 * circuit breaker of the call to procurement-service are
 * {@code quarkus.fault-tolerance."io.rigledger.inventory.upstream.PurchaseOrders/lineNumbers".*}.
 */
@ConfigMapping(prefix = "rigledger.inventory")
public interface InventoryConfig {

    Upstream upstream();

    /** procurement-service, asked whether the purchase orders a person's rigs name are their organisation's. */
    interface Upstream {
        /** Milliseconds to wait for a connection (quarkus.rest-client.procurement.connect-timeout reads it). */
        @WithDefault("2000")
        int connectTimeoutMs();

        /** Milliseconds to wait for the answer (quarkus.rest-client.procurement.read-timeout reads it). */
        @WithDefault("2000")
        int readTimeoutMs();

        /** Most distinct purchase orders one registration may name; more is 400 naming the first rig beyond. */
        @WithDefault("50")
        @Min(1)
        @Max(10_000)
        int maxOrdersPerRequest();

        /** How long a verified order's line numbers are kept (quarkus.cache.caffeine."purchase-order-lines"). */
        @WithDefault("PT1M")
        Duration orderCacheTtl();
    }
}

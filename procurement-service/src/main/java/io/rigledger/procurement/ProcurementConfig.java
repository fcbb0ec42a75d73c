package io.rigledger.procurement;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * procurement-service's own settings, under {@code rigledger.procurement.*} (environment:
 * RIGLEDGER_PROCUREMENT_...). Shared settings (paging, organisation, rate limits, Idempotency-Key records) are the
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

    CatalogueCopy catalogue();

    Requote requote();

    Delivery delivery();

    LandedCost landedCost();

    /**
     * The background refresh of inventory-service's catalogue (upstream.CatalogueRefresh): every {@code refresh-every}
     * each replica reads the catalogue and replaces its cached copy, which otherwise expires after
     * quarkus.cache.caffeine."catalogue".expire-after-write (CATALOGUE_TTL, 5 minutes). Shorter than that expiry, an
     * order never waits for the read, and a failed read leaves the last copy in use until it expires.
     */
    interface CatalogueCopy {
        /** Quarkus scheduler interval, e.g. 1m; "off" disables the job (the copy is then read again on expiry). */
        @WithDefault("1m")
        String refreshEvery();
    }

    /**
     * The scheduled re-quote of PENDING estimates (RequoteJob). Every {@code every} each replica
     * takes up to {@code batch} due orders with FOR UPDATE SKIP LOCKED, leases them for
     * {@code lease} (so no other replica takes them meanwhile) and asks tariff-service; an order
     * that still cannot be quoted waits {@code backoff} x 2^attempts, at most {@code max-backoff}.
     */
    interface Requote {
        /** Quarkus scheduler interval, e.g. 30s; "off" disables the job. */
        @WithDefault("30s")
        String every();

        @WithDefault("50")
        int batch();

        @WithDefault("PT2M")
        Duration lease();

        @WithDefault("PT30S")
        Duration backoff();

        @WithDefault("PT1H")
        Duration maxBackoff();
    }

    /**
     * Delivery of received rigs to inventory-service (receipt.RigDelivery): every {@code every} each
     * replica takes up to {@code batch} due outbox rows with FOR UPDATE SKIP LOCKED, leases them for
     * {@code lease} and posts them, one batch per organisation; rows inventory-service did not
     * confirm wait {@code backoff} x 2^attempts, at most {@code max-backoff}.
     */
    interface Delivery {
        /** Quarkus scheduler interval, e.g. 5s; "off" disables the job. */
        @WithDefault("5s")
        String every();

        @WithDefault("500")
        int batch();

        @WithDefault("PT2M")
        Duration lease();

        @WithDefault("PT5S")
        Duration backoff();

        @WithDefault("PT10M")
        Duration maxBackoff();
    }

    /**
     * Refresh of received rigs' landed cost in inventory-service (receipt.LandedCostRefresh): every
     * {@code every} each replica takes up to {@code batch} due orders with FOR UPDATE SKIP LOCKED,
     * leases them for {@code lease}, reads their landed cost (the entries' allocation once customs
     * entries cover them) and sends inventory-service each registered rig's cost that changed; each
     * order is looked at again after {@code recheck} (an origin audit can change an allocation at any
     * time; short, since a round sends only the costs that changed, so a new allocation reaches
     * inventory within about a minute), or after {@code backoff} when a neighbour did not answer,
     * refused a rig's cost, or the order's refresh failed.
     */
    interface LandedCost {
        /** Quarkus scheduler interval, e.g. 1m; "off" disables the job. */
        @WithDefault("1m")
        String every();

        @WithDefault("50")
        int batch();

        @WithDefault("PT2M")
        Duration lease();

        @WithDefault("PT1M")
        Duration recheck();

        @WithDefault("PT1M")
        Duration backoff();
    }

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

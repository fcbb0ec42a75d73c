package io.rigledger.tariff.quote;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * How stored quotes are written ({@link QuoteStore}), under {@code rigledger.quote-store.*}
 * (environment RIGLEDGER_QUOTE_STORE_WRITERS, RIGLEDGER_QUOTE_STORE_MAX_BATCH). Each is checked at
 * start: below 1 the service does not start. docs/duties.md (Speed) says how to compare settings.
 */
@ConfigMapping(prefix = "rigledger.quote-store")
public interface QuoteStoreConfig {

    /**
     * Writer threads, each committing one batch at a time. Fewer writers put more quotes in each
     * commit (PostgreSQL's CPU per quote is mostly per commit, and a writer idle in its queue takes
     * the next quote alone); more writers wait less for a commit already on its way. Two: a quote
     * waits at most about half a commit for a free writer, and each commit carries what arrived in
     * about half a commit's time (four, the earlier setting, left most commits with a few quotes).
     */
    @WithDefault("2")
    @Min(1)
    int writers();

    /** The most quotes one COPY (one transaction) carries. */
    @WithDefault("256")
    @Min(1)
    int maxBatch();
}

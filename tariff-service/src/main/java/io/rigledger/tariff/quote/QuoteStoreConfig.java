package io.rigledger.tariff.quote;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * How stored quotes are written ({@link QuoteStore}), under {@code rigledger.quote-store.*}; the
 * defaults are what the HTTP benchmark measured best (docs/duties.md, Speed). Each is checked at
 * start: below 1 the service does not start.
 */
@ConfigMapping(prefix = "rigledger.quote-store")
public interface QuoteStoreConfig {

    /**
     * Writer threads, each committing one batch at a time One writer lets every quote
     * that arrives while a commit is on its way share the next commit; more writers commit in
     * parallel but split the waiting quotes into smaller batches, each paying a commit.
     */
    @WithDefault("1")
    @Min(1)
    int writers();

    /** The most quotes one COPY (one transaction) carries. */
    @WithDefault("256")
    @Min(1)
    int maxBatch();
}

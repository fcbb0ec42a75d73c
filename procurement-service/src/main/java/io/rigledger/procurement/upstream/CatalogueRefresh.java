package io.rigledger.procurement.upstream;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.scheduler.Scheduled;
import io.rigledger.platform.problem.UpstreamUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;

/**
 * Renews the cached catalogue in the background (issue 10 item 5: the catalogue is cached with expiry): every
 * {@code rigledger.procurement.catalogue.refresh-every} (1m) each replica reads inventory-service's whole catalogue
 * ({@link CatalogueReader#read}) and puts it in the cache {@link Catalogue#snapshot} answers from, where the copy
 * expires after quarkus.cache.caffeine."catalogue".expire-after-write (CATALOGUE_TTL, 5 minutes). So, with the
 * refresh shorter than the expiry, no order waits for the read: before this job, the orders arriving while an expired
 * copy was read again waited for inventory-service (16 at once, up to 750 ms, in the bench of 2026-12-02, docs/orders.md
 * "Speed"), and failed with 503 if it was down at that moment. A read that fails leaves the last copy in use until
 * it expires; only then do orders get inventory-service's 503, as before. The catalogue is the makers' models and
 * plants, the same for every organisation: the job reads and writes no organisation's data.
 */
@ApplicationScoped
public class CatalogueRefresh {

    private static final Logger LOG = Logger.getLogger(CatalogueRefresh.class);

    private final CatalogueReader reader;
    private final Cache cache;

    CatalogueRefresh(CatalogueReader reader, @CacheName(Catalogue.CACHE) Cache cache) {
        this.reader = reader;
        this.cache = cache;
    }

    @Scheduled(identity = "refresh-catalogue", every = "${rigledger.procurement.catalogue.refresh-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refresh();
    }

    /**
     * Reads the catalogue and replaces the cached copy with it.
     *
     * @return true when read and cached; false when inventory-service could not answer (unavailable, failing or
     *         its circuit open): the cached copy, if any, stays in use until it expires. Never throws for that.
     */
    public boolean refresh() {
        CatalogueSnapshot fresh;
        try {
            fresh = reader.read();
        } catch (UpstreamUnavailableException | CircuitBreakerOpenException e) {
            LOG.warnf("the catalogue could not be read again (%s); orders keep the copy read before until it expires",
                    e.getMessage());
            return false;
        }
        // Catalogue.snapshot takes no parameter: its one entry is under the cache's default key
        cache.as(CaffeineCache.class).put(cache.getDefaultKey(), CompletableFuture.completedFuture(fresh));
        return true;
    }
}

package io.rigledger.procurement.upstream;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import io.rigledger.platform.problem.UpstreamUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * inventory-service's catalogue of rig models and plants, cached (Caffeine, cache "catalogue")
 * for quarkus.cache.caffeine."catalogue".expire-after-write, so that placing an order calls
 * inventory-service at most once per expiry rather than once per model. Concurrent callers on an
 * empty cache wait for one read. A failed read is not cached.
 */
@ApplicationScoped
public class Catalogue {

    @Inject
    CatalogueReader reader;

    /**
     * The catalogue as last read, reading it when the cached copy expired.
     *
     * @throws UpstreamUnavailableException when it must be read and inventory-service cannot answer
     */
    @CacheResult(cacheName = "catalogue")
    public CatalogueSnapshot snapshot() {
        return reader.read();
    }

    /** Forgets the cached copy: the next {@link #snapshot()} reads the catalogue again. */
    @CacheInvalidateAll(cacheName = "catalogue")
    public void forget() {
        // the interceptor does the work
    }
}

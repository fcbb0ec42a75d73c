package io.rigledger.procurement.upstream;

import io.quarkus.cache.CacheInvalidateAll;
import io.quarkus.cache.CacheResult;
import io.rigledger.platform.problem.UpstreamUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * inventory-service's catalogue of rig models and plants, cached (Caffeine, cache "catalogue")
 * for quarkus.cache.caffeine."catalogue".expire-after-write, so that placing an order calls
 * inventory-service at most once per expiry rather than once per model. {@link CatalogueRefresh} renews the copy
 * in the background before it expires, so orders read it only when the service starts or the refresh kept failing.
 * Concurrent callers on an empty cache wait for one read. A failed read is not cached.
 */
@ApplicationScoped
public class Catalogue {

    /** The cache's name (quarkus.cache.caffeine."catalogue".*). */
    public static final String CACHE = "catalogue";

    @Inject
    CatalogueReader reader;

    /**
     * The catalogue as last read (by this call on a miss, or by {@link CatalogueRefresh}), reading it when there is
     * no cached copy.
     *
     * @throws UpstreamUnavailableException when it must be read and inventory-service cannot answer
     */
    @CacheResult(cacheName = CACHE)
    public CatalogueSnapshot snapshot() {
        return reader.read();
    }

    /** Forgets the cached copy: the next {@link #snapshot()} reads the catalogue again. */
    @CacheInvalidateAll(cacheName = CACHE)
    public void forget() {
        // the interceptor does the work
    }
}

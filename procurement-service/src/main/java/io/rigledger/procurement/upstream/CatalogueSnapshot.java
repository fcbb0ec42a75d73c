package io.rigledger.procurement.upstream;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * inventory-service's whole catalogue of rig models and plants as read at {@code readAt}; held in
 * the catalogue cache (see {@link Catalogue}) so that placing an order calls no neighbour for it.
 *
 * @param models models by code
 * @param plants plants by code
 * @param readAt when it was read (UTC)
 */
public record CatalogueSnapshot(Map<String, CatalogueModel> models, Map<String, CataloguePlant> plants, Instant readAt) {

    public CatalogueSnapshot {
        models = Map.copyOf(models);
        plants = Map.copyOf(plants);
    }

    public Optional<CatalogueModel> model(String code) {
        return Optional.ofNullable(models.get(code));
    }

    public Optional<CataloguePlant> plant(String code) {
        return Optional.ofNullable(plants.get(code));
    }
}

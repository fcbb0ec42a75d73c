package io.rigledger.procurement.upstream;

import java.math.BigDecimal;

/**
 * A rig model from inventory-service's catalogue, in the terms procurement keeps on an order line.
 * The generated client's model stays inside this package.
 *
 * @param name        the model's display name (e.g. "Antminer S21")
 * @param hashrateThs nominal hashrate in TH/s
 */
public record CatalogueModel(String name, BigDecimal hashrateThs) {
}

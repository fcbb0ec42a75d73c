package io.rigledger.procurement.upstream;

import java.math.BigDecimal;

/**
 * A rig model from inventory-service's catalogue, in the terms procurement keeps on an order line.
 * The generated client's model stays inside this package.
 *
 * @param code         catalogue code (the order line's sku), e.g. antminer-s21-xp
 * @param name         the model's display name (e.g. "Antminer S21")
 * @param manufacturer the maker's catalogue code (BITMAIN), or null when the catalogue names none
 * @param hashrateThs  nominal hashrate in TH/s
 * @param retired      a retired model cannot be ordered
 */
public record CatalogueModel(String code, String name, String manufacturer, BigDecimal hashrateThs, boolean retired) {
}

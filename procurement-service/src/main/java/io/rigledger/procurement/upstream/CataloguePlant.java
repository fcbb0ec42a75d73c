package io.rigledger.procurement.upstream;

/**
 * A maker's plant from inventory-service's catalogue: where rigs are made, so their country of origin.
 *
 * @param code         plant code, e.g. BITMAIN-MY
 * @param manufacturer the maker's catalogue code (BITMAIN)
 * @param country      ISO 3166-1 alpha-2 country the plant is in: the declared origin of its rigs
 * @param retired      a retired plant cannot be named on a new order line
 */
public record CataloguePlant(String code, String manufacturer, String country, boolean retired) {
}

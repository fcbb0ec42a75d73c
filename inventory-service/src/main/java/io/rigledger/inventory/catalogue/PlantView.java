package io.rigledger.inventory.catalogue;

import java.util.List;

/** A plant as the contract shows it (schema Plant); city is absent while unknown. */
public record PlantView(String code, String manufacturer, String country, String city, boolean confirmed,
                        boolean retired) {

    static PlantView of(Plant p) {
        return new PlantView(p.code, p.manufacturer, p.country, p.city, p.confirmed, p.retiredAt != null);
    }

    /** Schema PlantList. */
    public record Items(List<PlantView> items) {
    }
}

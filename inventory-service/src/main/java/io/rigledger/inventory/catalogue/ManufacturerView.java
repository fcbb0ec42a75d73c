package io.rigledger.inventory.catalogue;

import java.util.List;

/** A manufacturer as the contract shows it (schema Manufacturer). */
public record ManufacturerView(String code, String name) {

    static ManufacturerView of(Manufacturer m) {
        return new ManufacturerView(m.code, m.name);
    }

    /** Schema ManufacturerList. */
    public record Items(List<ManufacturerView> items) {
    }
}

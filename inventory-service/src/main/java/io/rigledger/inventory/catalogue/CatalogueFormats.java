package io.rigledger.inventory.catalogue;

/** The catalogue's code formats (schemas ManufacturerCode, PlantCode, HtsCode of inventory.yaml). */
public final class CatalogueFormats {

    public static final String MANUFACTURER = "^[A-Z][A-Z0-9]*$";
    public static final String MANUFACTURER_MESSAGE = "must be a manufacturer code such as BITMAIN";
    public static final String PLANT = "^[A-Z0-9]+(-[A-Z0-9]+)*$";
    public static final String PLANT_MESSAGE = "must be a plant code such as BITMAIN-MY";
    public static final String HTS = "^[0-9]{4}\\.[0-9]{2}\\.[0-9]{4}$";
    public static final String HTS_MESSAGE = "must be an HTSUS statistical number such as 8543.70.9860";

    private CatalogueFormats() {
    }
}

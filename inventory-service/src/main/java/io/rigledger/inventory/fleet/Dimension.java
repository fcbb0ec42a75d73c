package io.rigledger.inventory.fleet;

import java.util.Arrays;
import java.util.Optional;

/** What a fleet summary can group by (query groupBy), with the SQL column of each over rollup and rig rows. */
public enum Dimension {
    SITE("site", "s.code", "s.code"),
    STATUS("status", "f.status", "r.status"),
    MANUFACTURER("manufacturer", "m.manufacturer", "m.manufacturer"),
    MODEL("model", "f.model_code", "r.model_code"),
    ORIGIN_COUNTRY("originCountry", "f.origin_country", "r.origin_country");

    /** The name in the API. */
    public final String apiName;
    final String rollupColumn;
    final String rigColumn;

    Dimension(String apiName, String rollupColumn, String rigColumn) {
        this.apiName = apiName;
        this.rollupColumn = rollupColumn;
        this.rigColumn = rigColumn;
    }

    public static Optional<Dimension> byApiName(String name) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(name)).findFirst();
    }
}

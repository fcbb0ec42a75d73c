package io.rigledger.inventory.model;

import java.math.BigDecimal;

/**
 * A catalogue entry as the contract shows it (schema RigModel): hashrate TH/s, power W, efficiency
 * J/TH derived from them; maker is the manufacturer's display name, manufacturer its code.
 */
public record RigModelView(String code, String maker, String manufacturer, String name, BigDecimal hashrateThs,
                           int powerWatts, BigDecimal efficiencyJth, String htsCode, boolean specsConfirmed,
                           boolean retired) {

    static RigModelView of(RigModel m) {
        return new RigModelView(m.code, m.manufacturer.name, m.manufacturer.code, m.name, plain(m.hashrateThs),
                m.powerWatts, plain(m.efficiencyJth()), m.htsCode, m.specsConfirmed, m.retiredAt != null);
    }

    /**
     * 270.00 is written as 270 and 13.50 as 13.5. Stripping alone would give 2.7E+2, which Jackson
     * writes in exponent notation, so the scale is kept at zero or above.
     */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

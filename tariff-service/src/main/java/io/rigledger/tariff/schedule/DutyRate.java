package io.rigledger.tariff.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One effective-dated row of the duty schedule (see V1__duty_rate_schedule.sql). */
@Entity
@Table(name = "duty_rate")
public class DutyRate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String layer;

    public String heading;

    public String description;

    @Column(name = "hts_prefix")
    public String htsPrefix;

    @Column(name = "origin_country")
    public String originCountry;

    @Column(name = "rate_percent")
    public BigDecimal ratePercent;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    /** Exclusive; null while open-ended. */
    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    public boolean confirmed;

    public String source;

    /** The rate as a plain percentage for display: 2.6, 25 (never 2.6000 or 1E+1). */
    public BigDecimal percent() {
        BigDecimal p = ratePercent.stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }

    /** Whether this rate covers a line of this HTS code and origin. */
    public boolean covers(String htsCode, String origin) {
        return htsCode.startsWith(htsPrefix) && (originCountry == null || originCountry.equals(origin));
    }
}

package io.rigledger.tariff.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rigledger.tariff.duty.Measure;
import io.rigledger.tariff.duty.Program;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** One row of duty_measure (V3): the stored form of {@link Measure}. */
@Entity
@Table(name = "duty_measure")
public class DutyMeasure extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public Program program;

    public String heading;

    @Column(name = "hts_prefix")
    public String htsPrefix;

    @Column(name = "origin_countries")
    public String[] originCountries;

    @Column(name = "rate_percent")
    public BigDecimal ratePercent;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(name = "legal_reference")
    public String legalReference;

    @Column(name = "source_note")
    public String sourceNote;

    public boolean confirmed;

    public boolean refundable;

    @Column(name = "drawback_eligible")
    public boolean drawbackEligible;

    @Column(name = "non_us_content_only")
    public boolean nonUsContentOnly;

    @Column(name = "us_content_heading")
    public String usContentHeading;

    @Version
    public int version;

    /** The engine's immutable view of this row (id 0 while not yet persisted). */
    public Measure toMeasure() {
        return new Measure(id == null ? 0L : id, program, heading, htsPrefix, Set.of(originCountries), ratePercent, effectiveFrom,
                effectiveTo, legalReference, sourceNote, confirmed, refundable, drawbackEligible, nonUsContentOnly,
                usContentHeading);
    }
}

package io.rigledger.tariff.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rigledger.tariff.duty.FeeRate;
import io.rigledger.tariff.duty.FeeType;
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

/** One row of fee_rate (V3): MPF or HMF percent of entered value by date of entry. */
@Entity
@Table(name = "fee_rate")
public class FeeRateRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "fee_type")
    public FeeType type;

    @Column(name = "rate_percent")
    public BigDecimal ratePercent;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(name = "legal_reference")
    public String legalReference;

    public boolean confirmed;

    @Version
    public int version;

    public FeeRate toFeeRate() {
        return new FeeRate(id, type, ratePercent, effectiveFrom, effectiveTo, legalReference, confirmed);
    }
}

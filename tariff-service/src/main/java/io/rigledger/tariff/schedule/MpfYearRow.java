package io.rigledger.tariff.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rigledger.tariff.duty.MpfLimits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;

/** One row of mpf_fiscal_year (V3): the MPF minimum and maximum of a US fiscal year, USD. */
@Entity
@Table(name = "mpf_fiscal_year")
public class MpfYearRow extends PanacheEntityBase {

    @Id
    @Column(name = "fiscal_year")
    public Integer fiscalYear;

    public BigDecimal minimum;

    public BigDecimal maximum;

    @Column(name = "legal_reference")
    public String legalReference;

    public boolean confirmed;

    @Version
    public int version;

    public MpfLimits toLimits() {
        return new MpfLimits(fiscalYear, minimum, maximum, legalReference, confirmed);
    }
}

package io.rigledger.tariff.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rigledger.tariff.duty.StatisticalNumber;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;

/** One row of hts_statistical_number (V3). */
@Entity
@Table(name = "hts_statistical_number")
public class StatisticalNumberRow extends PanacheEntityBase {

    @Id
    public Long id;

    public String heading;

    public String number;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    public StatisticalNumber toNumber() {
        return new StatisticalNumber(heading, number, effectiveFrom, effectiveTo);
    }
}

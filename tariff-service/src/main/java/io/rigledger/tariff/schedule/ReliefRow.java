package io.rigledger.tariff.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rigledger.tariff.duty.InTransitRelief;
import io.rigledger.tariff.duty.Program;
import io.rigledger.tariff.duty.TransportMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/** One row of in_transit_relief (V3): the stored form of {@link InTransitRelief}. */
@Entity
@Table(name = "in_transit_relief")
public class ReliefRow extends PanacheEntityBase {

    @Id
    public Long id;

    @Enumerated(EnumType.STRING)
    public Program program;

    @Column(name = "origin_countries")
    public String[] originCountries;

    @Column(name = "entered_from")
    public LocalDate enteredFrom;

    @Column(name = "entered_before")
    public LocalDate enteredBefore;

    @Column(name = "loaded_from")
    public LocalDate loadedFrom;

    @Column(name = "loaded_before")
    public LocalDate loadedBefore;

    @Enumerated(EnumType.STRING)
    @Column(name = "transport_mode")
    public TransportMode transportMode;

    @Column(name = "rate_percent")
    public BigDecimal ratePercent;

    public String heading;

    @Column(name = "legal_reference")
    public String legalReference;

    public boolean confirmed;

    public InTransitRelief toRelief() {
        return new InTransitRelief(id, program, Set.of(originCountries), enteredFrom, enteredBefore, loadedFrom,
                loadedBefore, transportMode, ratePercent, heading, legalReference, confirmed);
    }
}

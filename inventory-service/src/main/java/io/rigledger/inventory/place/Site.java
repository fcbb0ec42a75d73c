package io.rigledger.inventory.place;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;

/** A site of an organisation (V2 migration): code unique per org, a US state and a power capacity in kW. */
@Entity
@Table(name = "site")
public class Site extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String org;

    public String code;

    public String name;

    /** USPS code of the US state. */
    @Column(name = "us_state")
    public String usState;

    /** Power the site can supply to rigs, kW. */
    @Column(name = "capacity_kw")
    public BigDecimal capacityKw;

    @Version
    public long version;
}

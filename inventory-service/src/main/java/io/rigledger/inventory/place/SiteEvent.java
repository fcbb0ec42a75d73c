package io.rigledger.inventory.place;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One change of a site's power capacity (V3 migration, table site_event): kW before (null when the site was
 * created) and after, the power its DEPLOYED rigs drew then (kW), and whether the change went below that power
 * by override, with the reason given.
 */
@Entity
@Table(name = "site_event")
public class SiteEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public long siteId;

    public Instant at;

    public String actor;

    @Column(name = "capacity_kw_from")
    public BigDecimal capacityKwFrom;

    @Column(name = "capacity_kw_to")
    public BigDecimal capacityKwTo;

    @Column(name = "power_in_use_kw")
    public BigDecimal powerInUseKw;

    @Column(name = "capacity_override")
    public boolean capacityOverride;

    public String reason;
}

package io.rigledger.inventory.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.rigledger.inventory.catalogue.Manufacturer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One model of the catalogue (V1, V2 migrations). Admins correct specs and retire models; a
 * retired model stays readable with every rig that names it. Efficiency is derived, never stored.
 */
@Entity
@Table(name = "rig_model")
public class RigModel extends PanacheEntityBase {

    /** The model's catalogue code (SKU), e.g. antminer-s21-xp. */
    @Id
    public String code;

    /** Never changes once the model exists: rigs carry it as their manufacturer. */
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "manufacturer")
    public Manufacturer manufacturer;

    public String name;

    /** Nominal hashrate, TH/s (two decimals). */
    @Column(name = "hashrate_ths")
    public BigDecimal hashrateThs;

    /** Nominal power, W. */
    @Column(name = "power_watts")
    public int powerWatts;

    /** HTSUS statistical number, e.g. 8543.70.9860. */
    @Column(name = "hts_code")
    public String htsCode;

    /** False where the published specs could not be verified (docs/domain.md, Rig models: marked ~ or unconfirmed). */
    @Column(name = "specs_confirmed")
    public boolean specsConfirmed;

    /** When the model was retired (UTC), or null. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    @Version
    public long version;

    /** J/TH: power (W) over hashrate (TH/s), HALF_UP to two decimals. */
    public BigDecimal efficiencyJth() {
        return BigDecimal.valueOf(powerWatts).divide(hashrateThs, 2, RoundingMode.HALF_UP);
    }
}

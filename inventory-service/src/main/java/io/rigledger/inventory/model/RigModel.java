package io.rigledger.inventory.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** One model of the catalogue (see V1__rig_models_and_rigs.sql); read-only for this service. */
@Entity
@Table(name = "rig_model")
public class RigModel extends PanacheEntityBase {

    @Id
    public String code;

    public String maker;

    public String name;

    @Column(name = "hashrate_ths")
    public BigDecimal hashrateThs;

    @Column(name = "power_watts")
    public int powerWatts;

    @Column(name = "efficiency_jth")
    public BigDecimal efficiencyJth;

    /** False where the published specs could not be verified (docs/domain.md, Rig models: marked ~ or unconfirmed). */
    @Column(name = "specs_confirmed")
    public boolean specsConfirmed;
}

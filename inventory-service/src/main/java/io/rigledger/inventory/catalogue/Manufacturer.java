package io.rigledger.inventory.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A rig manufacturer (BITMAIN, MICROBT, CANAAN; see V2__fleet_places_lifecycle_rollups.sql). */
@Entity
@Table(name = "manufacturer")
public class Manufacturer extends PanacheEntityBase {

    /** Upper-case code, e.g. BITMAIN. */
    @Id
    public String code;

    /** Display name, e.g. Bitmain. */
    public String name;
}

package io.rigledger.inventory.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * A plant where a manufacturer makes rigs: a country and, once known, a city. Retired plants stay
 * readable with every rig that names them; new rigs cannot name them.
 */
@Entity
@Table(name = "plant")
public class Plant extends PanacheEntityBase {

    /** Upper-case code, e.g. BITMAIN-MY. */
    @Id
    public String code;

    /** Code of the manufacturer; never changes once the plant exists. */
    public String manufacturer;

    /** ISO 3166-1 alpha-2. */
    public String country;

    /** Null while unknown. */
    public String city;

    /** False while public sources do not confirm the plant. */
    public boolean confirmed;

    /** When the plant was retired (UTC), or null. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    @Version
    public long version;
}

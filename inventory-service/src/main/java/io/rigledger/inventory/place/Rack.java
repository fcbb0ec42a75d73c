package io.rigledger.inventory.place;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A rack in a row of a site, with slots 1..slots; a position is (rack, slot) and holds at most one rig. */
@Entity
@Table(name = "rack")
public class Rack extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public Long siteId;

    @Column(name = "row_code")
    public String rowCode;

    public String code;

    /** Number of slots, 1..1000. */
    public int slots;

    @Version
    public long version;
}

package io.rigledger.inventory.rig;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** One rig of an organisation's fleet (see V1__rig_models_and_rigs.sql). Never on the wire: see {@link RigView}. */
@Entity
@Table(name = "rig")
public class Rig extends PanacheEntityBase {

    /** Assigned on registration, so the answer can list the new rigs in request order. */
    @Id
    public UUID id;

    public String org;

    @Column(name = "serial_number")
    public String serialNumber;

    /** A code of the catalogue (foreign key to rig_model). */
    @Column(name = "model_code")
    public String modelCode;

    @Column(name = "origin_country")
    public String originCountry;

    @Enumerated(EnumType.STRING)
    public RigStatus status;

    @Column(name = "purchase_order_id")
    public UUID purchaseOrderId;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "registered_by")
    public String registeredBy;

    /** Optimistic locking for the updates later features bring (status changes, moves). */
    @Version
    public Long version;
}

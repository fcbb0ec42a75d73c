package io.rigledger.procurement.receipt;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Rigs of one shipment received at a site (V4); the rigs are the shipment's rows with this receipt id. */
@Entity
@Table(name = "receipt")
public class Receipt extends PanacheEntityBase {

    @Id
    public UUID id;

    public String org;

    @Column(name = "shipment_id")
    public UUID shipmentId;

    @Column(name = "order_id")
    public UUID orderId;

    /** The site code the rigs arrived at. */
    public String site;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "rig_count")
    public int rigCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}

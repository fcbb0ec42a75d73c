package io.rigledger.procurement.shipment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One shipment of an order's rigs (V3); its rigs are {@link ShippedRig}s. */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    @Id
    public UUID id;

    public String org;

    @Column(name = "order_id")
    public UUID orderId;

    public String carrier;

    @Column(name = "tracking_number")
    public String trackingNumber;

    /** OCEAN, AIR, TRUCK or RAIL. */
    @Column(name = "transport_mode")
    public String transportMode;

    @Column(name = "export_date")
    public LocalDate exportDate;

    /** How many rigs it carries (1 to 10,000). */
    @Column(name = "rig_count")
    public int rigCount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;
}

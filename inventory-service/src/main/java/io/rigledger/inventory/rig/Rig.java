package io.rigledger.inventory.rig;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One rig of an organisation's fleet (V2 migration), used for single-rig changes; registration
 * inserts in bulk ({@link RigRegistrar}) and reads go through {@link RigReads}. Never on the wire.
 */
@Entity
@Table(name = "rig")
public class Rig extends PanacheEntityBase {

    /** The asset id's number (see {@link AssetIds}). */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String org;

    /** Manufacturer code, the model's; the serial number is unique per manufacturer in an org. */
    public String manufacturer;

    @Column(name = "serial_number")
    public String serialNumber;

    @Column(name = "model_code")
    public String modelCode;

    @Column(name = "plant_code")
    public String plantCode;

    @Column(name = "origin_country")
    public String originCountry;

    @Enumerated(EnumType.STRING)
    public RigStatus status;

    /** Site, rack and slot: all set while DEPLOYED or in MAINTENANCE, all null otherwise. */
    @Column(name = "site_id")
    public Long siteId;

    @Column(name = "rack_id")
    public Long rackId;

    public Integer slot;

    /** Lower-case MAC, or null for "no MAC". */
    public String mac;

    @Column(name = "rma_ticket")
    public String rmaTicket;

    @Column(name = "purchase_order_id")
    public UUID purchaseOrderId;

    @Column(name = "order_line")
    public Integer orderLine;

    /** Landed cost parts, USD; null until known. */
    @Column(name = "price_usd")
    public BigDecimal priceUsd;

    @Column(name = "duty_usd")
    public BigDecimal dutyUsd;

    @Column(name = "fees_usd")
    public BigDecimal feesUsd;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "registered_by")
    public String registeredBy;

    @Version
    public long version;
}

package io.rigledger.procurement.shipment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * One rig shipped, by its maker's serial: at most once per organisation and maker (V3's primary
 * key), which is how inventory-service tells rigs apart. {@code rigOnLine} is its position on the
 * order line, which fixes its share of the line's duty and fees.
 */
@Entity
@Table(name = "shipment_rig")
@IdClass(ShippedRig.Key.class)
public class ShippedRig extends PanacheEntityBase {

    public static final String SHIPPED = "SHIPPED";
    public static final String RECEIVED = "RECEIVED";
    public static final String REGISTERED = "REGISTERED";
    /** inventory-service holds the rig in the fleet from another order (not back from RMA): not received here (V7). */
    public static final String REFUSED = "REFUSED";

    public String org;

    @Id
    public String manufacturer;

    @Id
    @Column(name = "serial_number")
    public String serialNumber;

    @Id
    @Column(name = "shipment_id")
    public UUID shipmentId;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "line_number")
    public int lineNumber;

    @Column(name = "rig_on_line")
    public int rigOnLine;

    public String mac;

    /**
     * SHIPPED, RECEIVED (at a site, waiting for inventory-service), REGISTERED (inventory-service
     * confirmed) or REFUSED (inventory-service holds it from another order; see {@link #refusedReason}).
     */
    public String status;

    /** The receipt that took it in at a site, null until then. */
    @Column(name = "receipt_id")
    public UUID receiptId;

    /** The site it was received at. */
    public String site;

    /** inventory-service's asset id (RIG-...), once inventory-service confirmed the rig. */
    @Column(name = "asset_id")
    public String assetId;

    /** Why inventory-service did not take the rig on this receipt (status REFUSED), else null. */
    @Column(name = "refused_reason")
    public String refusedReason;

    /** A serial is on a shipment once; a returning rig ships again on another shipment (V5). */
    public static class Key implements Serializable {
        public UUID shipmentId;
        public String manufacturer;
        public String serialNumber;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(shipmentId, k.shipmentId) && Objects.equals(manufacturer, k.manufacturer)
                    && Objects.equals(serialNumber, k.serialNumber);
        }

        @Override
        public int hashCode() {
            return Objects.hash(shipmentId, manufacturer, serialNumber);
        }
    }
}

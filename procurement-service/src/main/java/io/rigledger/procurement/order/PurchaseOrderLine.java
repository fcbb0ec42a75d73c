package io.rigledger.procurement.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of a purchase order, with the catalogue data and the duty estimate as they were when
 * the order was (last) priced. Read per page of orders in one query ({@link OrderStore}), so the
 * entity holds the order's id rather than a lazy association.
 */
@Entity
@Table(name = "purchase_order_line")
@IdClass(PurchaseOrderLine.Key.class)
public class PurchaseOrderLine extends PanacheEntityBase {

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Id
    @Column(name = "line_number")
    public int lineNumber;

    /** The sku: inventory-service's model code. */
    @Column(name = "model_code")
    public String modelCode;

    @Column(name = "model_name")
    public String modelName;

    /** The maker's catalogue code, null where the catalogue named none. */
    public String manufacturer;

    /** The plant that makes the rigs; null on lines placed before plants were named. */
    @Column(name = "plant_code")
    public String plantCode;

    @Column(name = "hashrate_ths")
    public BigDecimal hashrateThs;

    public int quantity;

    @Column(name = "unit_price")
    public BigDecimal unitPrice;

    /** The plant's country: the declared origin. */
    @Column(name = "origin_country")
    public String originCountry;

    @Column(name = "us_content_percent")
    public BigDecimal usContentPercent;

    @Column(name = "hts_code")
    public String htsCode;

    /** quantity x unit price, rounded HALF_UP to the cent. */
    @Column(name = "customs_value")
    public BigDecimal customsValue;

    /** tariff-service's duty for this line, USD; null while the estimate is PENDING. */
    @Column(name = "estimated_duty")
    public BigDecimal estimatedDuty;

    /** This line's share of the quote's fees (largest remainder by customs value), USD; null while PENDING. */
    @Column(name = "estimated_fees")
    public BigDecimal estimatedFees;

    /** Rigs of this line shipped so far (V3); never more than quantity. */
    public int shipped;

    /** Rigs of this line received at a site so far; never more than shipped. */
    public int received;

    public static class Key implements Serializable {
        public UUID orderId;
        public int lineNumber;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && lineNumber == k.lineNumber && Objects.equals(orderId, k.orderId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, lineNumber);
        }
    }
}

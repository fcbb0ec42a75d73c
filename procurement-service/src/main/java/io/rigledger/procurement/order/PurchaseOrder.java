package io.rigledger.procurement.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A placed order and its duty estimate (see V1__purchase_orders.sql). Lines: {@link PurchaseOrderLine}. */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder extends PanacheEntityBase {

    public static final String PLACED = "PLACED";
    public static final String USD = "USD";

    @Id
    public UUID id;

    public String org;

    public String status;

    public String supplier;

    @Column(name = "expected_entry_date")
    public LocalDate expectedEntryDate;

    public String currency;

    @Column(name = "total_value")
    public BigDecimal totalValue;

    /** The quote's total duty for all lines. */
    @Column(name = "estimated_duty")
    public BigDecimal estimatedDuty;

    @Column(name = "duty_quoted_at")
    public Instant dutyQuotedAt;

    /** Which service quoted the estimate. */
    @Column(name = "duty_source")
    public String dutySource;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public int version;
}

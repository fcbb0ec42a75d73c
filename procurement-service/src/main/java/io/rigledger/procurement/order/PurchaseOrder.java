package io.rigledger.procurement.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A purchase order and its duty estimate (V1, V2 migrations). Lines: {@link PurchaseOrderLine}.
 * Money in USD to the cent; {@code version} is the ETag.
 */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder extends PanacheEntityBase {

    public static final String USD = "USD";
    public static final String DDP = "DDP";

    /** Estimate states: tariff-service's quote, waiting for tariff-service, or zero because the supplier pays (DDP). */
    public static final String QUOTED = "QUOTED";
    public static final String PENDING = "PENDING";
    public static final String SUPPLIER_PAYS = "SUPPLIER_PAYS";

    @Id
    public UUID id;

    public String org;

    @Enumerated(EnumType.STRING)
    public OrderStatus status;

    public String supplier;

    /** EXW, FCA, FOB, CIF, DAP or DDP. */
    public String incoterm;

    @Column(name = "expected_export_date")
    public LocalDate expectedExportDate;

    @Column(name = "expected_entry_date")
    public LocalDate expectedEntryDate;

    /** OCEAN, AIR, TRUCK or RAIL. */
    @Column(name = "transport_mode")
    public String transportMode;

    @Column(name = "destination_site")
    public String destinationSite;

    public String currency;

    @Column(name = "total_value")
    public BigDecimal totalValue;

    @Column(name = "estimate_status")
    public String estimateStatus;

    @Column(name = "estimate_reason")
    public String estimateReason;

    @Column(name = "quote_id")
    public UUID quoteId;

    /** The quote's total duty, USD; null while PENDING. */
    @Column(name = "estimated_duty")
    public BigDecimal estimatedDuty;

    /** The quote's MPF and HMF, USD; null while PENDING. */
    @Column(name = "estimated_fees")
    public BigDecimal estimatedFees;

    @Column(name = "duty_quoted_at")
    public Instant dutyQuotedAt;

    /** Which service quoted the estimate (tariff-service), null while PENDING or under DDP. */
    @Column(name = "duty_source")
    public String dutySource;

    /** A PENDING order is re-quoted by the scheduler only after this instant. */
    @Column(name = "requote_after")
    public Instant requoteAfter;

    @Column(name = "requote_attempts")
    public int requoteAttempts;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;
}

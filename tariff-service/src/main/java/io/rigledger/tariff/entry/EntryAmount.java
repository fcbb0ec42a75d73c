package io.rigledger.tariff.entry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One amount of the duty ledger (entry_amount, V6): USD of one kind (ESTIMATED, DECLARED, ENGINE,
 * PAID, BILLED, REFUNDED) for one purchase-order line and one layer (program and heading; MPF, HMF,
 * INTEREST with an empty heading).
 */
@Entity
@Table(name = "entry_amount")
public class EntryAmount extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String org;

    @Column(name = "entry_id")
    public UUID entryId;

    @Column(name = "entry_date")
    public LocalDate entryDate;

    public String kind;

    public String program;

    public String heading;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "order_line")
    public int orderLine;

    @Column(name = "shipment_id")
    public UUID shipmentId;

    public String origin;

    public String manufacturer;

    public BigDecimal amount;
}

package io.rigledger.tariff.entry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A customs entry of one organisation (customs_entry, V6): the 7501 header, the status, and the
 * lifecycle records as JSON ({@code payments}, {@code liquidation}, {@code protest}, {@code refunds} (the refund claims, a JSON array),
 * {@code originAudits}, shapes in {@link EntryView}). {@code entryNumber} is stored without hyphens.
 */
@Entity
@Table(name = "customs_entry")
public class CustomsEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    public String org;

    @Column(name = "entry_number")
    public String entryNumber;

    @Column(name = "entry_type")
    public String entryType;

    @Column(name = "entry_date")
    public LocalDate entryDate;

    @Column(name = "export_date")
    public LocalDate exportDate;

    @Column(name = "port_code")
    public String portCode;

    @Column(name = "transport_mode")
    public String transportMode;

    public String importer;

    @Enumerated(EnumType.STRING)
    public EntryStatus status;

    @Column(name = "summary_version")
    public int summaryVersion;

    @Version
    public long version;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "reconciliation_flag")
    public boolean reconciliationFlag;

    @Column(name = "drawback_claim")
    public boolean drawbackClaim;

    @Column(name = "has_ieepa")
    public boolean hasIeepa;

    @Column(name = "liquidation_date")
    public LocalDate liquidationDate;

    public String payments;

    public String liquidation;

    public String protest;

    public String refunds;

    @Column(name = "origin_audits")
    public String originAudits;
}

package io.rigledger.tariff.quote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A quote as answered (duty_quote, V5): {@code body} is the exact JSON the caller received, and
 * holds what the caller asked too (what-if re-quotes from it). The table's {@code request} column
 * is no longer written (V16: null for quotes stored since).
 */
@Entity
@Table(name = "duty_quote")
public class StoredQuote extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The organisation the quote belongs to; null for a caller without one (then only its creator reads it). */
    public String org;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "entry_date")
    public LocalDate entryDate;

    @Column(name = "schedule_version")
    public long scheduleVersion;

    public String body;
}

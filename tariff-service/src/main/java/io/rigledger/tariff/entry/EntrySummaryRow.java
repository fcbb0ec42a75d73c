package io.rigledger.tariff.entry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One version of an entry summary (entry_summary, V6); {@code body} is the {@link SummaryView} JSON. */
@Entity
@Table(name = "entry_summary")
public class EntrySummaryRow extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    public String body;

    public String reason;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Entry id and version number. */
    @Embeddable
    public record Key(@Column(name = "entry_id") UUID entryId, @Column(name = "version") int version) implements Serializable {
    }
}

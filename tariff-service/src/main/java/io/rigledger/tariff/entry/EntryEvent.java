package io.rigledger.tariff.entry;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step in an entry's history (entry_event, V6): who, when, why, from which status to which. */
@Entity
@Table(name = "entry_event")
public class EntryEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "entry_id")
    public UUID entryId;

    public String action;

    @Column(name = "from_status")
    public String fromStatus;

    @Column(name = "to_status")
    public String toStatus;

    public Instant at;

    @Column(name = "by_user")
    public String byUser;

    public String reason;

    /** JSON of what the step recorded (the payment, the liquidation ...). */
    public String details;
}

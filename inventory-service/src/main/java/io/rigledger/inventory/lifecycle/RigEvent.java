package io.rigledger.inventory.lifecycle;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** One change of a rig after its registration: who, when, from, to, why (table rig_event). Append-only. */
@Entity
@Table(name = "rig_event")
public class RigEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rig_id")
    public long rigId;

    /** When, UTC. */
    public Instant at;

    /** Who: the token's user name or service account. */
    public String actor;

    @Enumerated(EnumType.STRING)
    public EventKind kind;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "from_state")
    public RigState from;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "to_state")
    public RigState to;

    public String reason;

    /** True when a deploy went past the site's power capacity by override. */
    @Column(name = "capacity_override")
    public boolean capacityOverride;

    static RigEvent of(long rigId, Instant at, String actor, EventKind kind, RigState from, RigState to, String reason) {
        RigEvent e = new RigEvent();
        e.rigId = rigId;
        e.at = at;
        e.actor = actor;
        e.kind = kind;
        e.from = from;
        e.to = to;
        e.reason = reason;
        return e;
    }
}

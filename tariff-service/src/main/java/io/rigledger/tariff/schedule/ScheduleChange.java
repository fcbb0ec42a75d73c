package io.rigledger.tariff.schedule;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One entry of the schedule's audit trail (schedule_change, V3): who changed which row, when, why,
 * and the row as the API showed it afterwards ({@code afterState}, JSON). Never updated or deleted.
 */
@Entity
@Table(name = "schedule_change")
public class ScheduleChange extends PanacheEntityBase {

    /** Which table a change touched. */
    public enum Subject { MEASURE, RELIEF, FEE_RATE, MPF_YEAR }

    /** What kind of change it was. */
    public enum Action { SEED, CREATE, SUPERSEDE, CLOSE, CORRECT }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity")
    public Subject subject;

    @Column(name = "entity_id")
    public long entityId;

    @Enumerated(EnumType.STRING)
    public Action action;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    public String reason;

    @Column(name = "after_state")
    public String afterState;
}

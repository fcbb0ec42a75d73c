package io.rigledger.tariff.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/** Records and reads the audit trail of schedule and fee changes (who, when, why, the row after). */
@ApplicationScoped
public class ScheduleHistory {

    @Inject
    ObjectMapper json;

    /** One change as the API shows it (contract: ScheduleChange). */
    public record ChangeView(long changeId, String action, String changedBy, Instant changedAt, String reason,
                             JsonNode state) {
    }

    public record HistoryPage(List<ChangeView> items) {
    }

    /** Every change of one row, oldest first. */
    public HistoryPage of(ScheduleChange.Subject subject, long id) {
        List<ScheduleChange> changes = ScheduleChange.list("subject = ?1 and entityId = ?2", Sort.by("id"), subject, id);
        return new HistoryPage(changes.stream().map(c -> new ChangeView(c.id, c.action.name(), c.changedBy,
                c.changedAt, c.reason, read(c.afterState))).toList());
    }

    /** Appends a change; call inside the transaction that made it. */
    public void record(ScheduleChange.Subject subject, long id, ScheduleChange.Action action, String by, String reason,
                Object after) {
        ScheduleChange c = new ScheduleChange();
        c.subject = subject;
        c.entityId = id;
        c.action = action;
        c.changedBy = by;
        c.changedAt = Instant.now();
        c.reason = reason;
        try {
            c.afterState = json.writeValueAsString(after);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the state of " + subject + " " + id, e);
        }
        c.persist();
    }

    private JsonNode read(String state) {
        try {
            return json.readTree(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history state", e);
        }
    }
}

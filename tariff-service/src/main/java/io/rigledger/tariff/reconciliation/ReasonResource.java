package io.rigledger.tariff.reconciliation;

import io.rigledger.platform.caller.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * PUT /api/reconciliation/reasons: finance records why a reconciliation row varies (one reason per
 * organisation, grouping, group, program and heading; a new one replaces the old). Role: finance.
 */
@Path("/api/reconciliation/reasons")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ReasonResource {

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /** The body (contract: ReconciliationReason). */
    public record NewReason(
            @NotNull @Pattern(regexp = "^(order|shipment|entry|origin|program|manufacturer)$",
                    message = "must be one of order, shipment, entry, origin, program, manufacturer") String groupBy,
            @NotNull @Size(min = 1, max = 100) @Pattern(regexp = "^[^\\p{Cc}]*$", message = "must not contain control characters") String group,
            @NotNull @Pattern(regexp = "^[A-Z0-9_]{1,30}$", message = "must be a program, MPF, HMF or INTEREST") String program,
            @NotNull @Pattern(regexp = "^(\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?)?$", message = "must be a dotted heading, or empty") String heading,
            @NotNull @Size(min = 1, max = 1000) @Pattern(regexp = "^[^\\p{Cc}]*$", message = "must not contain control characters") String reason) {
    }

    /** The reason as kept. */
    public record ReasonView(String groupBy, String group, String program, String heading, String reason, String setBy,
                             Instant setAt) {
    }

    @PUT
    @RolesAllowed("finance")
    @Transactional
    public ReasonView put(@NotNull @Valid NewReason body) {
        String org = caller.org();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        em.createNativeQuery("""
                        insert into reconciliation_reason (org, group_by, group_key, program, heading, reason, set_by, set_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (org, group_by, group_key, program, heading)
                        do update set reason = excluded.reason, set_by = excluded.set_by, set_at = excluded.set_at""")
                .setParameter(1, org).setParameter(2, body.groupBy()).setParameter(3, body.group())
                .setParameter(4, body.program()).setParameter(5, body.heading()).setParameter(6, body.reason())
                .setParameter(7, caller.userName()).setParameter(8, Timestamp.from(now))
                .executeUpdate();
        return new ReasonView(body.groupBy(), body.group(), body.program(), body.heading(), body.reason(), caller.userName(), now);
    }
}

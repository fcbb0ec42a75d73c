package io.rigledger.console.upstream;

import io.rigledger.console.upstream.tariff.api.EntriesApi;
import io.rigledger.console.upstream.tariff.api.IeepaRefundsApi;
import io.rigledger.console.upstream.tariff.api.ReconciliationApi;
import io.rigledger.console.upstream.tariff.model.DeadlineList;
import io.rigledger.console.upstream.tariff.model.IeepaRefunds;
import io.rigledger.console.upstream.tariff.model.Reconciliation;
import io.rigledger.console.upstream.tariff.model.ReconciliationReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;

/**
 * tariff-service as finance sees it, with the signed-in person's token: reconciliation, its reasons,
 * deadlines and IEEPA refunds. Every method throws {@link ApiProblem} when tariff-service refuses
 * (its problem) or does not answer (503).
 */
@ApplicationScoped
public class Finance {

    static final String SERVICE = "tariff-service";
    /** Items per page of the lists (the contracts allow 1 to 1000). */
    static final int PAGE = 200;

    @Inject
    @RestClient
    ReconciliationApi reconciliation;

    @Inject
    @RestClient
    EntriesApi entries;

    @Inject
    @RestClient
    IeepaRefundsApi refunds;

    /**
     * One page of rows of entries dated {@code from} to {@code to} (either may be null), grouped by {@code groupBy},
     * sorted by tariff-service over the whole range ({@code sort}: a column, '-' for descending), {@code limit} rows
     * from {@code cursor} (null: the first page), with the count and totals of the whole range.
     */
    public Reconciliation reconciliation(LocalDate from, LocalDate to, String groupBy, String sort, int limit, String cursor) {
        return Calls.of(SERVICE, () -> reconciliation.getReconciliation(from, to, groupBy, sort, limit, cursor));
    }

    /** Records why a row varies (one reason per grouping, group, program and heading; a new one replaces the old). */
    public void reason(String groupBy, String group, String program, String heading, String reason) {
        ReconciliationReason body = new ReconciliationReason();
        body.setGroupBy(ReconciliationReason.GroupByEnum.fromString(groupBy));
        body.setGroup(group);
        body.setProgram(program);
        body.setHeading(heading);
        body.setReason(reason);
        Calls.of(SERVICE, () -> reconciliation.setReconciliationReason(body));
    }

    /** Deadlines falling due within {@code days} days, one page from {@code cursor} (null: the first). */
    public DeadlineList deadlines(int days, String cursor) {
        return Calls.of(SERVICE, () -> entries.listDeadlines(PAGE, cursor, days + "d"));
    }

    /** One page of the entries with IEEPA duty, from {@code cursor} (null: the first). */
    public IeepaRefunds ieepaRefunds(String cursor) {
        return Calls.of(SERVICE, () -> refunds.listIeepaRefunds(PAGE, cursor));
    }
}

package io.rigledger.tariff.quote;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Stores quotes with group commit: {@value #WRITERS} writer threads each drain every quote waiting
 * (up to {@value #MAX_BATCH}) and insert them with one multi-row statement (one array per column,
 * unnested; ids, instants (ISO 8601 UTC) and dates sent as text and cast by PostgreSQL) in autocommit:
 * one statement is one transaction and one round trip. Then it releases each caller; while one batch commits the next one
 * gathers, so throughput does not wait on one commit at a time. The future {@link #submit} returns
 * completes only once its quote is committed, so an answer built on it finds the quote with GET at
 * once and nothing is answered that was not stored; under load many quotes share one statement,
 * one round trip and one commit.
 */
@ApplicationScoped
public class QuoteStore {

    static final int MAX_BATCH = 256;
    static final int WRITERS = 4;
    private static final Logger LOG = Logger.getLogger(QuoteStore.class);
    private static final String INSERT = "insert into duty_quote (id, org, created_by, created_at, entry_date, "
            + "schedule_version, request, body) select * from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[], "
            + "?::date[], ?::bigint[], ?::text[], ?::text[])";

    private record Pending(StoredQuote quote, CompletableFuture<Void> done) {
    }

    @Inject
    DataSource dataSource;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private final List<Thread> writers = new ArrayList<>();

    void onStart(@Observes StartupEvent start) {
        running = true;
        for (int i = 0; i < WRITERS; i++) {
            Thread writer = new Thread(this::drain, "duty-quote-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        writers.forEach(Thread::interrupt);
    }

    /**
     * Queues one quote for the next batch; nothing waits here, so the request's thread is free while
     * the commit is on its way.
     *
     * @return completes once the quote is committed; completes exceptionally with an
     *         {@link IllegalStateException} when the insert failed (the caller answers 500; nothing was stored)
     */
    public CompletableFuture<Void> submit(StoredQuote quote) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.add(new Pending(quote, done));
        return done;
    }

    private void drain() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                insert(batch);
                batch.forEach(p -> p.done().complete(null));
            } catch (SQLException | RuntimeException e) {
                LOG.errorf(e, "storing %d duty quotes failed", batch.size());
                batch.forEach(p -> p.done().completeExceptionally(
                        new IllegalStateException("quote " + p.quote().id + " was not stored", e)));
            }
            batch.clear();
        }
    }

    private void insert(List<Pending> batch) throws SQLException {
        int n = batch.size();
        String[] ids = new String[n];
        String[] orgs = new String[n];
        String[] creators = new String[n];
        String[] created = new String[n];
        String[] entryDates = new String[n];
        Long[] versions = new Long[n];
        String[] requests = new String[n];
        String[] bodies = new String[n];
        for (int i = 0; i < n; i++) {
            StoredQuote q = batch.get(i).quote();
            ids[i] = q.id.toString();
            orgs[i] = q.org;
            creators[i] = q.createdBy;
            created[i] = q.createdAt.toString();
            entryDates[i] = q.entryDate.toString();
            versions[i] = q.scheduleVersion;
            requests[i] = q.request;
            bodies[i] = q.body;
        }
        // one statement in autocommit: it is its own transaction (all rows or none), committed in the
        // same round trip as the insert instead of a second one for COMMIT
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(INSERT)) {
            c.setAutoCommit(true);
            s.setArray(1, c.createArrayOf("varchar", ids));
            s.setArray(2, c.createArrayOf("varchar", orgs));
            s.setArray(3, c.createArrayOf("varchar", creators));
            s.setArray(4, c.createArrayOf("varchar", created));
            s.setArray(5, c.createArrayOf("varchar", entryDates));
            s.setArray(6, c.createArrayOf("int8", versions));
            s.setArray(7, c.createArrayOf("text", requests));
            s.setArray(8, c.createArrayOf("text", bodies));
            s.executeUpdate();
        }
    }
}

package io.rigledger.tariff.quote;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Stores quotes with group commit: writer threads ({@link QuoteStoreConfig#writers()}, two by
 * default) each drain every quote waiting (up to {@link QuoteStoreConfig#maxBatch()}) and insert
 * them with one binary COPY ({@link QuoteCopy}: every value in PostgreSQL's own binary form,
 * nothing for it to parse or cast) in autocommit: one statement is one transaction. Then it
 * releases each caller; while one batch commits the next one gathers, so throughput does not wait
 * on one commit at a time. The future {@link #submit} returns completes only once its quote is
 * committed, so an answer built on it finds the quote with GET at once and nothing is answered
 * that was not stored; under load many quotes share one statement and one commit.
 */
@ApplicationScoped
public class QuoteStore {

    private static final Logger LOG = Logger.getLogger(QuoteStore.class);

    private record Pending(StoredQuote quote, CompletableFuture<Void> done) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    QuoteStoreConfig config;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private final List<Thread> writers = new ArrayList<>();

    void onStart(@Observes StartupEvent start) {
        running = true;
        for (int i = 0; i < config.writers(); i++) {
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
        int maxBatch = config.maxBatch();
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            queue.drainTo(batch, maxBatch - 1);
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
        List<StoredQuote> quotes = new ArrayList<>(batch.size());
        batch.forEach(p -> quotes.add(p.quote()));
        byte[] rows = QuoteCopy.rows(quotes);
        // one COPY in autocommit: it is its own transaction (all rows or none), committed before
        // PostgreSQL answers its end
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(QuoteCopy.COPY);
            try {
                copy.writeToCopy(rows, 0, rows.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        }
    }
}

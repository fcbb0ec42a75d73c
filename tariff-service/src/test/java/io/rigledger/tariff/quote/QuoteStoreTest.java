package io.rigledger.tariff.quote;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The group commit's binary COPY (QuoteStore, QuoteCopy) against the real table: every column
 * arrives as it was given, and a batch that cannot be stored fails its callers with nothing stored.
 */
@QuarkusTest
class QuoteStoreTest {

    @Inject
    QuoteStore store;

    @Inject
    DataSource database;

    static StoredQuote quote(String org, String createdBy, Instant at, LocalDate entryDate, String body) {
        StoredQuote q = new StoredQuote();
        q.id = UUID.randomUUID();
        q.org = org;
        q.createdBy = createdBy;
        q.createdAt = at;
        q.entryDate = entryDate;
        q.scheduleVersion = 9_876_543_210L;
        q.body = body;
        return q;
    }

    @Test
    void everyColumnIsStoredAsGivenIncludingNullOrgAndNonAsciiText() throws Exception {
        String body = "{\"legalReference\":\"Zoll \\\"§ 301\\\" – Überprüfung 关税 \\\\ end\",\"tab\":\"\t\",\"pad\":\""
                + "x".repeat(5_000) + "\"}";
        StoredQuote person = quote("northwind", "Zoë Ångström", Instant.parse("2026-11-30T06:30:01.234Z"),
                LocalDate.of(2025, 9, 15), body);
        StoredQuote before2000 = quote(null, "procurement-service", Instant.parse("1999-12-31T23:59:59.999Z"),
                LocalDate.of(1999, 12, 31), "{}");
        CompletableFuture.allOf(store.submit(person), store.submit(before2000)).get(30, TimeUnit.SECONDS);

        for (StoredQuote expected : List.of(person, before2000)) {
            try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select org, created_by, created_at, entry_date, schedule_version, request, body from duty_quote where id = ?")) {
                s.setObject(1, expected.id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertEquals(expected.org, rs.getString(1));
                    assertEquals(expected.createdBy, rs.getString(2));
                    assertEquals(OffsetDateTime.ofInstant(expected.createdAt, ZoneOffset.UTC),
                            rs.getObject(3, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC));
                    assertEquals(expected.entryDate, rs.getObject(4, LocalDate.class));
                    assertEquals(expected.scheduleVersion, rs.getLong(5));
                    assertNull(rs.getString(6), "request is not written (V16): the body holds what was asked");
                    assertEquals(expected.body, rs.getString(7), "the body byte for byte");
                }
            }
        }
        assertNull(before2000.org);
    }

    /**
     * The writer threads are background work that batches several organisations' quotes into one COPY
     * (the tenancy cell ArchitectureTest names for QuoteStore.onStart): quotes of two organisations and of a
     * service account (no org), all with the same entry date, creator and body, submitted at once so they
     * share batches, are each stored under their own organisation.
     */
    @Test
    void quotesOfSeveralOrganisationsInOneBatchEachKeepTheirOrganisation() throws Exception {
        String[] orgs = {"org-batch-a", "org-batch-b", null};
        Instant at = Instant.parse("2026-11-30T06:33:00Z");
        List<StoredQuote> quotes = IntStream.range(0, 90)
                .mapToObj(i -> quote(orgs[i % 3], "alice", at, LocalDate.of(2026, 3, 2), "{\"same\":true}")).toList();
        CompletableFuture.allOf(quotes.stream().map(store::submit).toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        for (StoredQuote q : quotes) {
            try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select org from duty_quote where id = ?")) {
                s.setObject(1, q.id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    assertEquals(q.org, rs.getString(1), "quote " + q.id + "'s organisation");
                }
            }
        }
    }

    @Test
    void aBatchThatCannotBeStoredFailsEveryCallerAndStoresNothing() throws Exception {
        StoredQuote first = quote("northwind", "finance", Instant.parse("2026-11-30T06:31:00Z"), LocalDate.of(2026, 3, 2), "{}");
        store.submit(first).get(30, TimeUnit.SECONDS);
        StoredQuote again = quote("northwind", "finance", first.createdAt, first.entryDate, "{\"second\":true}");
        again.id = first.id;
        ExecutionException failed = assertThrows(ExecutionException.class, () -> store.submit(again).get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertEquals(1, count("id = '" + first.id + "'"));
        assertEquals("{}", body(first.id), "the first quote is untouched");

        // a batch is all or nothing: with one row PostgreSQL refuses, none of that batch's quotes is stored
        List<StoredQuote> many = IntStream.range(0, 50).mapToObj(i -> quote("southwind", "ops-" + i,
                Instant.parse("2026-11-30T06:32:00Z"), LocalDate.of(2026, 3, 2), "{\"n\":" + i + "}")).toList();
        many.get(49).createdBy = null;
        List<CompletableFuture<Void>> done = many.stream().map(store::submit).toList();
        done.forEach(f -> f.handle((stored, error) -> null).orTimeout(30, TimeUnit.SECONDS).join());
        assertThrows(ExecutionException.class, () -> done.get(49).get(), "created_by is not null: PostgreSQL refuses the row");
        long stored = done.stream().filter(f -> !f.isCompletedExceptionally()).count();
        assertEquals(stored, count("org = 'southwind' and created_by like 'ops-%'"),
                "only quotes whose callers were told they are stored are stored");
    }

    private long count(String where) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*) from duty_quote where " + where); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String body(UUID id) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(
                "select body from duty_quote where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}

package io.rigledger.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.platform.config.PlatformConfig;
import io.rigledger.platform.problem.ProblemException;
import io.rigledger.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Idempotency-Key on the POSTs that take one (after the IETF httpapi draft "The Idempotency-Key HTTP
 * Header Field"), the same in every service that stores answers: the same key with the same request
 * within {@code rigledger.idempotency.ttl} (24 h) answers the first response again, status and body;
 * the same key with another request is 422 naming Idempotency-Key. Keys are scoped to the
 * organisation: another organisation's same key is another request. The service keeps the records
 * in its own table {@code idempotency_record} (org, idem_key, request_hash, status, body, location,
 * etag, created_at, expires_at; primary key org + idem_key), created by its Flyway migrations.
 *
 * <p>The record is written in the same transaction as what the request changed
 * ({@link #record}), never before: a request that failed validation, was refused or crashed leaves
 * no key behind, so nothing is ever stuck "in progress". Requests racing with one key all do their
 * work, but the primary key on (org, key) lets only the first commit; the others roll back
 * ({@link AlreadyAnswered}) and answer the stored response, so the change is made exactly once.
 * {@link #once} reads the key before the work (a retry redoes nothing); {@link #onceWithoutLookup} reads it only
 * when the write or the work says the key may be taken (a new key, the common case, pays no read).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("^[!#-~]{1,255}$");

    private static final String FIND = """
            select request_hash, status, body, location, etag from idempotency_record
            where org = ? and idem_key = ? and expires_at > ?""";

    private final EntityManager em;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Duration ttl;

    Idempotency(EntityManager em, DataSource dataSource, ObjectMapper json, PlatformConfig config) {
        this.em = em;
        this.dataSource = dataSource;
        this.json = json;
        this.ttl = config.idempotency().ttl();
    }

    /** How long an answer is kept and replayed (rigledger.idempotency.ttl, 24 h). */
    public Duration ttl() {
        return ttl;
    }

    /**
     * The claim of a request, or null when it carries no key.
     *
     * @param body the parsed body (its canonical JSON is fingerprinted), or null for none
     * @throws io.rigledger.platform.problem.ProblemException 400 naming Idempotency-Key when it is not 1 to 255 visible ASCII characters
     */
    public Claim claim(String org, String key, String method, String path, Object body) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw Problems.badRequest(HEADER, "must be 1 to 255 visible ASCII characters, such as a UUID");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + ' ' + path + '\n').getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                sha.update(json.writeValueAsBytes(body));
            }
            return new Claim(org, key, HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    /**
     * Runs {@code work} once per claim: the stored answer when the key was answered before, else
     * the work's answer (the work calls {@link #record} in its transaction).
     *
     * @param claim the request's claim, or null to just run the work
     * @throws io.rigledger.platform.problem.ProblemException 422 naming Idempotency-Key when it was used for another request
     */
    public Answer once(Claim claim, Function<Claim, Answer> work) {
        if (claim == null) {
            return work.apply(null);
        }
        Optional<Answer> earlier = find(claim);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            return work.apply(claim);
        } catch (AlreadyAnswered raced) {
            return find(claim).orElseThrow(() -> new IllegalStateException("the racing request's answer vanished", raced));
        }
    }

    /**
     * Runs {@code work} once per claim WITHOUT reading the key first: the common request, a new key, pays no
     * lookup (no round trip, no read-only transaction) before its work; the key record the work writes in its own
     * transaction ({@link #record}, or an insert with the same conflict rule) decides, as the primary key on
     * (org, idem_key) lets only the first request with a key commit. The key is read only when
     * <ul>
     *   <li>that write found the key answered ({@link AlreadyAnswered}: a retry, or a request racing with another):
     *       the stored answer is replayed, or 422 when it answered another request; or</li>
     *   <li>the work refused the request ({@link ProblemException}: 4xx, or 503 for a neighbour it could not
     *       do without): when the key holds an answer, that answer is replayed (or 422), so a retry is answered
     *       what {@link #once} answers even when its work would now be refused (a model since removed from the
     *       catalogue, another body with an unknown sku); when the key holds nothing, the refusal stands.</li>
     * </ul>
     * What a retry costs instead: the work's steps before its write run again. Use it where the new key is the
     * common case and those steps leave nothing that matters when the write is refused (procurement-service's
     * order: one more stored quote at tariff-service that no order names, docs/orders.md "Speed"); keep
     * {@link #once} where the work itself changes a neighbour.
     *
     * @param claim the request's claim, or null to just run the work
     * @throws ProblemException what the work threw when the key holds no answer; 422 naming Idempotency-Key
     *         when the key was used for another request
     */
    public Answer onceWithoutLookup(Claim claim, Function<Claim, Answer> work) {
        if (claim == null) {
            return work.apply(null);
        }
        try {
            return work.apply(claim);
        } catch (AlreadyAnswered raced) {
            return find(claim).orElseThrow(() -> new IllegalStateException("the racing request's answer vanished", raced));
        } catch (ProblemException refused) {
            Optional<Answer> earlier;
            try {
                earlier = find(claim);
            } catch (IllegalStateException unreadable) {
                refused.addSuppressed(unreadable);
                throw refused;
            }
            return earlier.orElseThrow(() -> refused);
        }
    }

    /**
     * The stored answer, marked replayed; empty when the key is unknown or expired. Read with plain
     * JDBC on the datasource (in the caller's transaction when there is one, else one autocommit
     * statement): every POST with a key through {@link #once} pays this lookup, and a Hibernate native query without a
     * result mapping read the result set's metadata and resolved its column types on every call,
     * creating and dropping a PersistenceException each time (12% of procurement-service's CPU per
     * order, async-profiler, 2026-12-01, docs/orders.md "Speed").
     *
     * @throws io.rigledger.platform.problem.ProblemException 422 naming Idempotency-Key when the key's
     *         record holds another request's fingerprint
     * @throws IllegalStateException when the database cannot be read
     */
    Optional<Answer> find(Claim claim) {
        String hash;
        Answer stored;
        try (Connection conn = dataSource.getConnection(); PreparedStatement ps = conn.prepareStatement(FIND)) {
            ps.setString(1, claim.org());
            ps.setString(2, claim.key());
            ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                hash = rs.getString(1);
                stored = new Answer(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Idempotency-Key record", e);
        }
        if (!claim.hash().equals(hash)) {
            throw Problems.unprocessable(HEADER, "was already used for another request within "
                    + ttl.toHours() + " hours; use a new key for a new request");
        }
        return Optional.of(stored);
    }

    /**
     * Stores the answer under the claim, in the caller's transaction; an expired record of the
     * same key is replaced.
     *
     * @throws AlreadyAnswered when another request with this key committed first (roll back, replay)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Claim claim, Answer answer) {
        if (claim == null) {
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        int written = em.createNativeQuery("""
                        insert into idempotency_record (org, idem_key, request_hash, status, body, location, etag, created_at, expires_at)
                        values (:org, :key, :hash, :status, :body, :location, :etag, :now, :expires)
                        on conflict (org, idem_key) do update set request_hash = excluded.request_hash,
                            status = excluded.status, body = excluded.body, location = excluded.location,
                            etag = excluded.etag, created_at = excluded.created_at, expires_at = excluded.expires_at
                        where idempotency_record.expires_at <= excluded.created_at""")
                .setParameter("org", claim.org()).setParameter("key", claim.key()).setParameter("hash", claim.hash())
                .setParameter("status", answer.status()).setParameter("body", answer.body())
                .setParameter("location", answer.location()).setParameter("etag", answer.etag())
                .setParameter("now", now).setParameter("expires", now.plus(ttl))
                .executeUpdate();
        if (written == 0) {
            throw new AlreadyAnswered(claim);
        }
    }

    /**
     * Runs {@code write} and stores its answer under the claim in ONE transaction (joining the
     * caller's, else its own): when the COMMIT is lost, both or neither were stored, so a retry with
     * the same key either answers the stored answer or does the write once. Pass it as the work of
     * {@link #once}.
     *
     * @param claim the request's claim, or null to just run the write in a transaction
     * @throws AlreadyAnswered when another request with this key committed first (roll back, replay)
     */
    @Transactional
    public Answer recorded(Claim claim, Supplier<Answer> write) {
        Answer answer = write.get();
        record(claim, answer);
        return answer;
    }

    /** Deletes records past their expiry; returns how many. */
    @Transactional
    public int purgeExpired() {
        return em.createNativeQuery("delete from idempotency_record where expires_at <= :now")
                .setParameter("now", Instant.now()).executeUpdate();
    }
}

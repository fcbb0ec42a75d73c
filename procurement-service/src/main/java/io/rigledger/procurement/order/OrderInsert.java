package io.rigledger.procurement.order;

import io.rigledger.platform.idempotency.Answer;
import io.rigledger.platform.idempotency.Claim;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A new order, its lines and its Idempotency-Key record in ONE statement (one round trip to
 * PostgreSQL instead of one per table): data-modifying CTEs insert the key record, whose conflict
 * rule is the one of {@link io.rigledger.platform.idempotency.Idempotency#record} (an unexpired record
 * of the same key wins, and the statement reports that no record was written), and the order and its
 * lines (from arrays, whatever their number) only from the key record's RETURNING row: when the key
 * is taken, the statement writes nothing at all. So it needs no transaction around it: sent in
 * autocommit it is one transaction, committed before PostgreSQL answers it (no COMMIT round trip),
 * and a concurrent request with the same key waits on the key's unique index until it commits.
 */
final class OrderInsert {

    private static final String ORDER = """
            insert into purchase_order (id, org, status, supplier, incoterm, expected_export_date, expected_entry_date,
                transport_mode, destination_site, currency, total_value, estimate_status, estimate_reason, quote_id,
                estimated_duty, estimated_fees, duty_quoted_at, duty_source, requote_after, requote_attempts, created_at,
                created_by, updated_at, version)
            select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0""";
    private static final String LINES = """
            insert into purchase_order_line (order_id, line_number, model_code, model_name, manufacturer, plant_code,
                hashrate_ths, quantity, unit_price, origin_country, us_content_percent, hts_code, customs_value,
                estimated_duty, estimated_fees)
            select ?::uuid, * from unnest(?::integer[], ?::varchar[], ?::text[], ?::varchar[], ?::varchar[], ?::numeric[],
                ?::integer[], ?::numeric[], ?::char(2)[], ?::numeric[], ?::varchar[], ?::numeric[], ?::numeric[], ?::numeric[])""";
    private static final String KEY = """
            insert into idempotency_record (org, idem_key, request_hash, status, body, location, etag, created_at, expires_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (org, idem_key) do update set request_hash = excluded.request_hash,
                status = excluded.status, body = excluded.body, location = excluded.location,
                etag = excluded.etag, created_at = excluded.created_at, expires_at = excluded.expires_at
            where idempotency_record.expires_at <= excluded.created_at
            returning 1""";

    private OrderInsert() {
    }

    /**
     * Inserts the order, its lines and (when {@code claim} is not null) the key record.
     *
     * @return false when another request with the same key holds an unexpired record (then nothing
     *         was written), else true
     */
    static boolean insert(Connection conn, PurchaseOrder o, List<PurchaseOrderLine> lines, Claim claim, Answer answer,
                          Instant now, Duration ttl) throws SQLException {
        String sql = claim == null
                ? "with o as (" + ORDER + " returning id), l as (" + LINES + " returning 1) select 1"
                : "with k as (" + KEY + "), o as (" + ORDER + " from k returning id), l as (" + LINES
                        + " where exists (select from k) returning 1) select count(*) from k";
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 0;
            if (claim != null) {
                ps.setString(++i, claim.org());
                ps.setString(++i, claim.key());
                ps.setString(++i, claim.hash());
                ps.setInt(++i, answer.status());
                ps.setString(++i, answer.body());
                ps.setString(++i, answer.location());
                ps.setString(++i, answer.etag());
                ps.setObject(++i, timestamp(now));
                ps.setObject(++i, timestamp(now.plus(ttl)));
            }
            ps.setObject(++i, o.id);
            ps.setString(++i, o.org);
            ps.setString(++i, o.status.name());
            ps.setString(++i, o.supplier);
            ps.setString(++i, o.incoterm);
            ps.setObject(++i, o.expectedExportDate, Types.DATE);
            ps.setObject(++i, o.expectedEntryDate, Types.DATE);
            ps.setString(++i, o.transportMode);
            ps.setString(++i, o.destinationSite);
            ps.setString(++i, o.currency);
            ps.setBigDecimal(++i, o.totalValue);
            ps.setString(++i, o.estimateStatus);
            ps.setString(++i, o.estimateReason);
            ps.setObject(++i, o.quoteId);
            ps.setBigDecimal(++i, o.estimatedDuty);
            ps.setBigDecimal(++i, o.estimatedFees);
            ps.setObject(++i, timestamp(o.dutyQuotedAt));
            ps.setString(++i, o.dutySource);
            ps.setObject(++i, timestamp(o.requoteAfter));
            ps.setInt(++i, o.requoteAttempts);
            ps.setObject(++i, timestamp(o.createdAt));
            ps.setString(++i, o.createdBy);
            ps.setObject(++i, timestamp(o.updatedAt));
            int n = lines.size();
            Integer[] numbers = new Integer[n];
            String[] codes = new String[n];
            String[] names = new String[n];
            String[] makers = new String[n];
            String[] plants = new String[n];
            BigDecimal[] hashrates = new BigDecimal[n];
            Integer[] quantities = new Integer[n];
            BigDecimal[] prices = new BigDecimal[n];
            String[] origins = new String[n];
            BigDecimal[] usContent = new BigDecimal[n];
            String[] hts = new String[n];
            BigDecimal[] values = new BigDecimal[n];
            BigDecimal[] duties = new BigDecimal[n];
            BigDecimal[] fees = new BigDecimal[n];
            for (int j = 0; j < n; j++) {
                PurchaseOrderLine l = lines.get(j);
                numbers[j] = l.lineNumber;
                codes[j] = l.modelCode;
                names[j] = l.modelName;
                makers[j] = l.manufacturer;
                plants[j] = l.plantCode;
                hashrates[j] = l.hashrateThs;
                quantities[j] = l.quantity;
                prices[j] = l.unitPrice;
                origins[j] = l.originCountry;
                usContent[j] = l.usContentPercent;
                hts[j] = l.htsCode;
                values[j] = l.customsValue;
                duties[j] = l.estimatedDuty;
                fees[j] = l.estimatedFees;
            }
            ps.setObject(++i, o.id);
            ps.setArray(++i, conn.createArrayOf("integer", numbers));
            ps.setArray(++i, conn.createArrayOf("varchar", codes));
            ps.setArray(++i, conn.createArrayOf("text", names));
            ps.setArray(++i, conn.createArrayOf("varchar", makers));
            ps.setArray(++i, conn.createArrayOf("varchar", plants));
            ps.setArray(++i, conn.createArrayOf("numeric", hashrates));
            ps.setArray(++i, conn.createArrayOf("integer", quantities));
            ps.setArray(++i, conn.createArrayOf("numeric", prices));
            ps.setArray(++i, conn.createArrayOf("varchar", origins));
            ps.setArray(++i, conn.createArrayOf("numeric", usContent));
            ps.setArray(++i, conn.createArrayOf("varchar", hts));
            ps.setArray(++i, conn.createArrayOf("numeric", values));
            ps.setArray(++i, conn.createArrayOf("numeric", duties));
            ps.setArray(++i, conn.createArrayOf("numeric", fees));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return claim == null || rs.getInt(1) == 1;
            }
        }
    }

    /** timestamptz as PostgreSQL's JDBC driver sends it without a session time zone in the way. */
    private static OffsetDateTime timestamp(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}

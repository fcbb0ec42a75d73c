package io.rigledger.inventory.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Fleet summary answers as ready JSON bytes, cached per (organisation, groupBy) and per the versions
 * the answer was computed at: the organisation's rollup version (fleet_version, bumped by the rollup
 * trigger in the same transaction as every change of a rig's site, status, model, origin or landed
 * cost) and the catalogue version (catalogue_version, bumped by every change of a rig model's specs).
 * Each call reads both versions (one primary-key round trip to PostgreSQL), so an answer is never
 * staler than the last committed change, whichever replica or writer made it: a change commits a new
 * version, the next call misses and recomputes from the rollups. An answer computed after reading
 * version v reflects at least every change up to v (read committed reads them later), so caching it
 * under v is never stale. Superseded answers are never read again and leave by size or age.
 */
@ApplicationScoped
public class SummaryAnswers {

    private static final String VERSIONS = """
            select coalesce((select version from fleet_version where org = ?), 0),
                   (select version from catalogue_version)
            """;

    @Inject
    AgroalDataSource db;

    @Inject
    FleetSummaryService summaries;

    @Inject
    ObjectMapper json;

    @CacheName("fleet-summary")
    Cache cache;

    /** What an answer depends on; groupBy in request order (it orders the answer's groupBy). */
    record Key(String org, List<Dimension> dims, long fleetVersion, long catalogueVersion) {
    }

    /**
     * The summary of {@code org}'s fleet grouped by {@code dims}, as the JSON of schema FleetSummary
     * (see {@link FleetSummaryView} for units).
     *
     * @throws IllegalStateException when PostgreSQL cannot be read (a 500 without detail)
     */
    public byte[] json(String org, List<Dimension> dims) {
        Key key = key(org, dims);
        return cache.<Key, byte[]>get(key, k -> serialise(summaries.summary(k.org(), k.dims())))
                .await().indefinitely();
    }

    private Key key(String org, List<Dimension> dims) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(VERSIONS)) {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Key(org, List.copyOf(dims), rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fleet summary versions could not be read", e);
        }
    }

    private byte[] serialise(FleetSummaryView view) {
        try {
            return json.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fleet summary could not be written as JSON", e);
        }
    }
}

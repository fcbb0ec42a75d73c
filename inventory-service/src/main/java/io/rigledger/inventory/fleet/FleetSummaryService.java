package io.rigledger.inventory.fleet;

import io.agroal.api.AgroalDataSource;
import io.rigledger.inventory.fleet.FleetSummaryView.Figures;
import io.rigledger.inventory.fleet.FleetSummaryView.Group;
import io.rigledger.inventory.model.RigModelView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fleet summaries from the rollups: a GROUP BY over at most (sites x statuses x models x origins)
 * rows per organisation, whatever the number of rigs. Groups come largest rig count first.
 */
@ApplicationScoped
public class FleetSummaryService {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    AgroalDataSource db;

    public FleetSummaryView summary(String org, List<Dimension> dims) {
        List<FleetSql.Row> rows;
        try (Connection c = db.getConnection()) {
            rows = FleetSql.read(c, FleetSql.fromRollups(dims), org, dims);
        } catch (SQLException e) {
            throw new IllegalStateException("fleet summary failed", e);
        }
        long count = 0;
        long us = 0;
        long watts = 0;
        BigDecimal hashrate = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        // no dimension: totals only (the contract), not one group with an empty key
        List<Group> groups = dims.isEmpty() ? List.of() : rows.stream()
                .sorted(Comparator.comparingLong(FleetSql.Row::rigCount).reversed()
                        .thenComparing(r -> r.key().toString()))
                .map(r -> new Group(key(r.key()), figures(r.rigCount(), r.hashrateThs(), r.powerWatts(),
                        r.landedCostUsd(), r.usMadeRigCount())))
                .toList();
        for (FleetSql.Row r : rows) {
            count += r.rigCount();
            us += r.usMadeRigCount();
            watts += r.powerWatts();
            hashrate = hashrate.add(r.hashrateThs());
            cost = cost.add(r.landedCostUsd());
        }
        return new FleetSummaryView(dims.stream().map(d -> d.apiName).toList(), groups,
                figures(count, hashrate, watts, cost, us));
    }

    /** Figures from sums: hashrate TH/s, power W, landed cost USD, rigs made in the US. */
    static Figures figures(long rigCount, BigDecimal hashrateThs, long powerWatts, BigDecimal landedCost, long usMade) {
        BigDecimal watts = BigDecimal.valueOf(powerWatts);
        BigDecimal efficiency = hashrateThs.signum() == 0 ? null
                : RigModelView.plain(watts.divide(hashrateThs, 2, RoundingMode.HALF_UP));
        BigDecimal share = rigCount == 0 ? BigDecimal.ZERO
                : RigModelView.plain(BigDecimal.valueOf(usMade).multiply(HUNDRED)
                        .divide(BigDecimal.valueOf(rigCount), 2, RoundingMode.HALF_UP));
        return new Figures(rigCount, RigModelView.plain(hashrateThs),
                RigModelView.plain(watts.divide(THOUSAND, 3, RoundingMode.HALF_UP)), efficiency,
                landedCost.setScale(2, RoundingMode.HALF_UP), usMade, share);
    }

    private static Map<String, String> key(Map<Dimension, String> key) {
        Map<String, String> named = new LinkedHashMap<>();
        key.forEach((d, v) -> {
            if (v != null) {
                named.put(d.apiName, v);
            }
        });
        return named;
    }
}

package io.rigledger.inventory.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Schema FleetSummary: the groups and the totals. Units: hashrate TH/s, power kW (three decimals),
 * efficiency J/TH (total power over total hashrate, two decimals), landed cost USD, US share percent.
 */
public record FleetSummaryView(List<String> groupBy, List<Group> groups, Figures totals) {

    /** One group: its value of each groupBy dimension (site absent for rigs at no site). */
    public record Group(Map<String, String> key, Figures figures) {
    }

    /** Schema FleetFigures; efficiencyJth is absent when there is no hashrate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(long rigCount, BigDecimal hashrateThs, BigDecimal powerKw, BigDecimal efficiencyJth,
                          BigDecimal landedCost, long usMadeRigCount, BigDecimal usMadeSharePercent) {
    }
}

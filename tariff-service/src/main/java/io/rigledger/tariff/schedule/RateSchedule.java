package io.rigledger.tariff.schedule;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads the effective-dated schedule. */
@ApplicationScoped
public class RateSchedule {

    /** The order layers are listed in a quote: the base rate first, then the stack as it grew. */
    static final List<String> LAYER_ORDER =
            List.of("MFN", "SECTION_301", "IEEPA_FENTANYL", "IEEPA_RECIPROCAL", "SECTION_122");

    private static final Comparator<DutyRate> QUOTE_ORDER = Comparator
            .comparingInt((DutyRate r) -> {
                int i = LAYER_ORDER.indexOf(r.layer);
                return i < 0 ? LAYER_ORDER.size() : i;
            })
            .thenComparing(r -> r.layer)
            .thenComparing(r -> r.id);

    /** Every rate in force on a date of entry, in quote order. */
    public List<DutyRate> inForceOn(LocalDate entryDate) {
        List<DutyRate> rates = new ArrayList<>(DutyRate.<DutyRate>list(
                "effectiveFrom <= :d and (effectiveTo is null or effectiveTo > :d)",
                Parameters.with("d", entryDate)));
        rates.sort(QUOTE_ORDER);
        return rates;
    }

    /** One page of rows after {@code afterId}, optionally narrowed to an HTS code and an origin. */
    public List<DutyRate> page(long afterId, int limit, String htsCode, String originCountry) {
        StringBuilder q = new StringBuilder("id > :after");
        Parameters p = Parameters.with("after", afterId);
        if (htsCode != null) {
            q.append(" and :hts like concat(htsPrefix, '%')");
            p.and("hts", htsCode);
        }
        if (originCountry != null) {
            q.append(" and (originCountry is null or originCountry = :origin)");
            p.and("origin", originCountry);
        }
        return DutyRate.find(q.append(" order by id").toString(), p).page(0, limit).list();
    }
}

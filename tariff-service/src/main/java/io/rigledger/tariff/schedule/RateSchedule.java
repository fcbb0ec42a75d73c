package io.rigledger.tariff.schedule;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;

/** Reads the effective-dated schedule. */
@ApplicationScoped
public class RateSchedule {

    /** Every rate in force on a date of entry, in a stable order (layer, id). */
    public List<DutyRate> inForceOn(LocalDate entryDate) {
        return DutyRate.list(
                "effectiveFrom <= :d and (effectiveTo is null or effectiveTo > :d) order by layer, id",
                Parameters.with("d", entryDate));
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

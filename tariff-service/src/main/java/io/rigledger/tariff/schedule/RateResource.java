package io.rigledger.tariff.schedule;

import io.rigledger.tariff.common.PageCursor;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

@Path("/api/duty-rates")
@Produces(MediaType.APPLICATION_JSON)
public class RateResource {

    @Inject
    RateSchedule schedule;

    public record DutyRateView(long id, String layer, String heading, String htsPrefix, String originCountry,
                               BigDecimal ratePercent, LocalDate effectiveFrom, LocalDate effectiveTo,
                               boolean confirmed, String source) {
        static DutyRateView of(DutyRate r) {
            return new DutyRateView(r.id, r.layer, r.heading, r.htsPrefix, r.originCountry,
                    r.percent(), r.effectiveFrom, r.effectiveTo, r.confirmed, r.source);
        }
    }

    public record DutyRatePage(List<DutyRateView> items, String nextCursor) {
    }

    @GET
    @RolesAllowed({"operator", "finance", "ops", "admin", "service"})
    public DutyRatePage list(@QueryParam("limit") Integer limit,
                             @QueryParam("cursor") String cursor,
                             @QueryParam("htsCode") @Pattern(regexp = "^\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?$",
                                     message = "must be a dotted HTS code such as 8543.70.9960") String htsCode,
                             @QueryParam("originCountry") @Pattern(regexp = "^[A-Z]{2}$",
                                     message = "must be an ISO 3166-1 alpha-2 code") String originCountry) {
        int size = PageCursor.limit(limit);
        List<DutyRate> rows = schedule.page(PageCursor.after(cursor), size + 1, htsCode, originCountry);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = PageCursor.encode(rows.get(size - 1).id);
        }
        return new DutyRatePage(rows.stream().map(DutyRateView::of).toList(), next);
    }
}

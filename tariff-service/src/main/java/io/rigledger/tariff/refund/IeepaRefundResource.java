package io.rigledger.tariff.refund;

import io.rigledger.platform.caller.Caller;
import io.rigledger.tariff.entry.Cape;
import io.rigledger.tariff.entry.CustomsEntry;
import io.rigledger.tariff.entry.EntryNumber;
import io.rigledger.tariff.entry.EntryStore;
import io.rigledger.tariff.entry.EntryView;
import io.rigledger.tariff.entry.Refundable;
import io.rigledger.tariff.entry.SummaryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IEEPA refunds after Learning Resources v. Trump (CSMS 67834313): GET /api/ieepa-refunds lists the
 * organisation's entries with refundable IEEPA duty declared ({@link Refundable}), per heading, with
 * CAPE eligibility ({@link Cape}) and the refunds claimed and received; GET
 * /api/ieepa-refunds/cape-files answers the eligible entry numbers as CAPE CSV files in a zip
 * ({@link CapeFiles}). Roles: finance, admin of the organisation.
 */
@Path("/api/ieepa-refunds")
public class IeepaRefundResource {

    @Inject
    Caller caller;

    @Inject
    EntryStore store;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"finance", "admin"})
    @Transactional
    public IeepaRefundView list() {
        LocalDate today = store.today();
        List<IeepaRefundView.Item> items = new ArrayList<>();
        BigDecimal[] t = {zero(), zero(), zero(), zero(), zero(), zero()};
        for (CustomsEntry e : entries(caller.org())) {
            SummaryView summary = store.summary(e);
            Map<String, BigDecimal> byHeading = new LinkedHashMap<>();
            summary.lines().forEach(l -> l.layers().stream().filter(a -> Refundable.isIeepa(a.heading()))
                    .forEach(a -> byHeading.merge(a.heading(), a.declared(), BigDecimal::add)));
            List<IeepaRefundView.Heading> headings = byHeading.entrySet().stream()
                    .map(h -> new IeepaRefundView.Heading(h.getKey(), h.getValue())).toList();
            BigDecimal refundable = byHeading.values().stream().reduce(zero(), BigDecimal::add);
            List<String> reasons = Cape.whyNot(new Cape.Facts(e.hasIeepa, e.status, e.liquidationDate, e.reconciliationFlag,
                    e.drawbackClaim), today);
            EntryView.Refund refund = store.read(e.refund, EntryView.Refund.class);
            BigDecimal claimed = refund == null ? null : refund.claimedTotal();
            BigDecimal principal = refund == null ? null : refund.principal();
            BigDecimal interest = refund == null ? null : refund.interest();
            BigDecimal shortfall = refund == null ? null : refund.shortfall();
            items.add(new IeepaRefundView.Item(e.id, EntryNumber.display(e.entryNumber), e.entryDate, e.status.name(),
                    e.liquidationDate, headings, refundable, reasons.isEmpty(), reasons, claimed, principal, interest, shortfall));
            t[0] = t[0].add(refundable);
            t[1] = t[1].add(reasons.isEmpty() ? refundable : zero());
            t[2] = t[2].add(claimed == null ? zero() : claimed);
            t[3] = t[3].add(principal == null ? zero() : principal);
            t[4] = t[4].add(interest == null ? zero() : interest);
            t[5] = t[5].add(shortfall == null ? zero() : shortfall);
        }
        return new IeepaRefundView(today, items, new IeepaRefundView.Totals(t[0], t[1], t[2], t[3], t[4], t[5]));
    }

    /** The eligible entry numbers (11 characters, no hyphens) as CAPE CSV files, at most 9,999 rows each, in one zip. */
    @GET
    @Path("/cape-files")
    @Produces("application/zip")
    @RolesAllowed({"finance", "admin"})
    @Transactional
    public Response capeFiles() {
        LocalDate today = store.today();
        List<String> numbers = entries(caller.org()).stream()
                .filter(e -> Cape.whyNot(new Cape.Facts(e.hasIeepa, e.status, e.liquidationDate, e.reconciliationFlag,
                        e.drawbackClaim), today).isEmpty())
                .map(e -> e.entryNumber).toList();
        StreamingOutput body = out -> CapeFiles.zip(numbers, CapeFiles.MAX_ROWS, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"cape-" + today + ".zip\"")
                .header("X-Cape-Files", CapeFiles.files(numbers.size(), CapeFiles.MAX_ROWS))
                .header("X-Cape-Entries", numbers.size()).build();
    }

    private static List<CustomsEntry> entries(String org) {
        return CustomsEntry.list("org = ?1 and hasIeepa = true order by entryDate, id", org);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}

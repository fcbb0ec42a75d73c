package io.rigledger.tariff.reconciliation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * GET /api/reconciliation?from&to&groupBy: per group and layer, estimated vs declared vs paid vs
 * billed vs refunded and the variance, for entries dated from {@code from} (default 2019-01-01) to
 * {@code to} (default 2199-12-31, the last date it accepts, so entries dated ahead, up to a year after
 * they were filed, are never left out). JSON
 * (rows, then totals that are the sums of the rows) or, with Accept: text/csv, CSV (UTF-8, header
 * row, RFC 4180 quoting, ISO dates, amounts with two decimals and a dot, formula injection
 * neutralised by {@link CsvCells}). Both are streamed from the database cursor as rows arrive. Roles:
 * finance, operator, admin of the organisation.
 */
@Path("/api/reconciliation")
public class ReconciliationResource {

    static final String CSV = "text/csv";
    /** Where the schedule, and so every entry, starts: the default of {@code from}. */
    static final LocalDate EARLIEST = LocalDate.of(2019, 1, 1);
    /** The last date {@code to} accepts, and its default: every entry, including those dated ahead of today. */
    static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    @Inject
    Caller caller;

    @Inject
    ReconciliationQuery query;

    @Inject
    ObjectMapper json;

    /** The query as parsed before anything is streamed, so every refusal is still a 4xx problem. */
    record Ask(String org, Grouping grouping, LocalDate from, LocalDate to) {
    }

    /** JSON unless the caller asks for text/csv (and not for JSON as well). */
    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed({"finance", "operator", "admin"})
    public Response get(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("groupBy") String groupBy,
                        @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Ask ask = ask(from, to, groupBy);
        boolean csv = accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON);
        return csv ? csv(ask) : json(ask);
    }

    private Response json(Ask ask) {
        StreamingOutput body = out -> {
            BigDecimal[] totals = zeros();
            try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("from", ask.from().toString());
                g.writeStringField("to", ask.to().toString());
                g.writeStringField("groupBy", ask.grouping().label());
                g.writeArrayFieldStart("rows");
                query.stream(ask.org(), ask.grouping(), ask.from(), ask.to(), row -> {
                    json.writeValue(g, row);
                    add(totals, row);
                });
                g.writeEndArray();
                g.writeObjectFieldStart("totals");
                String[] names = {"estimated", "declared", "paid", "billed", "refunded", "variance"};
                for (int i = 0; i < names.length; i++) {
                    g.writeNumberField(names[i], totals[i]);
                }
                g.writeEndObject();
                g.writeEndObject();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    private Response csv(Ask ask) {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(ReconciliationRow.HEADER).get())) {
                query.stream(ask.org(), ask.grouping(), ask.from(), ask.to(), row -> csv.printRecord(
                        CsvCells.text(row.group()), CsvCells.text(row.program()), CsvCells.text(row.heading()),
                        row.firstEntryDate().toString(), row.lastEntryDate().toString(), CsvCells.amount(row.estimated()),
                        CsvCells.amount(row.declared()), CsvCells.amount(row.paid()), CsvCells.amount(row.billed()),
                        CsvCells.amount(row.refunded()), CsvCells.amount(row.variance()), CsvCells.text(row.reason())));
            }
        };
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"reconciliation-" + ask.grouping().label() + ".csv\"").build();
    }

    private Ask ask(String from, String to, String groupBy) {
        String org = caller.org();
        LocalDate start = from == null ? EARLIEST : date("from", from);
        LocalDate end = to == null ? LATEST : date("to", to);
        if (end.isBefore(start)) {
            throw Problems.badRequest("to", "must not be before from");
        }
        return new Ask(org, Grouping.of(groupBy), start, end);
    }

    static LocalDate date(String name, String text) {
        if (text == null || !text.matches("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")) {
            throw Problems.badRequest(name, "must be a date such as 2026-01-31");
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() < 1900 || date.getYear() > 2199) {
                throw Problems.badRequest(name, "must be from 1900-01-01 to 2199-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(name, "must be a date such as 2026-01-31");
        }
    }

    private static BigDecimal[] zeros() {
        BigDecimal[] t = new BigDecimal[6];
        Arrays.fill(t, BigDecimal.ZERO.setScale(2));
        return t;
    }

    private static void add(BigDecimal[] t, ReconciliationRow r) {
        t[0] = t[0].add(r.estimated());
        t[1] = t[1].add(r.declared());
        t[2] = t[2].add(r.paid());
        t[3] = t[3].add(r.billed());
        t[4] = t[4].add(r.refunded());
        t[5] = t[5].add(r.variance());
    }
}

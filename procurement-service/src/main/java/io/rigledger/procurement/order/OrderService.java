package io.rigledger.procurement.order;

import io.rigledger.platform.paging.Page;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.ProcurementConfig;
import io.rigledger.procurement.order.OrderStore.OrderWithLines;
import io.rigledger.procurement.order.OrderStore.Position;
import io.rigledger.procurement.order.OrderViews.PurchaseOrderView;
import io.rigledger.procurement.upstream.CatalogueModel;
import io.rigledger.procurement.upstream.DutyQuotes;
import io.rigledger.procurement.upstream.QuoteLine;
import io.rigledger.procurement.upstream.QuoteRejectedException;
import io.rigledger.procurement.upstream.QuotedDuty;
import io.rigledger.procurement.upstream.RigCatalogue;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * Places orders: checks every model against inventory-service's catalogue, asks tariff-service
 * for the duty on the expected date of entry (one quote line per order line), and only then
 * stores the order in one short transaction. No transaction is open while a neighbour is called,
 * and nothing is stored when either of them fails.
 */
@ApplicationScoped
public class OrderService {

    /** Largest amount numeric(15,2) holds. */
    static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999.99");

    private static final java.util.regex.Pattern QUOTE_FIELD = java.util.regex.Pattern.compile("^lines\\[(\\d{1,5})](?:\\.(\\w+))?$");

    private final OrderStore store;
    private final RigCatalogue catalogue;
    private final DutyQuotes tariff;
    private final Paging paging;
    private final String defaultHtsCode;
    Clock clock = Clock.systemUTC();

    OrderService(OrderStore store, RigCatalogue catalogue, DutyQuotes tariff, Paging paging, ProcurementConfig config) {
        this.store = store;
        this.catalogue = catalogue;
        this.tariff = tariff;
        this.paging = paging;
        this.defaultHtsCode = config.defaultHtsCode();
    }

    public PurchaseOrderView place(NewPurchaseOrder request, String org, String createdBy) {
        List<BigDecimal> customsValues = request.lines().stream()
                .map(l -> BigDecimal.valueOf(l.quantity()).multiply(l.unitPrice()).setScale(2, RoundingMode.HALF_UP))
                .toList();
        BigDecimal totalValue = customsValues.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (totalValue.compareTo(MAX_MONEY) > 0) {
            throw Problems.badRequest("lines", "add up to more than " + MAX_MONEY + " USD");
        }

        Map<String, CatalogueModel> models = modelsOf(request.lines());
        QuotedDuty quote = quote(request, customsValues);

        UUID id = UUID.randomUUID();
        PurchaseOrder order = new PurchaseOrder();
        order.id = id;
        order.org = org;
        order.status = PurchaseOrder.PLACED;
        order.supplier = request.supplier();
        order.expectedEntryDate = request.expectedEntryDate();
        order.currency = PurchaseOrder.USD;
        order.totalValue = totalValue;
        order.estimatedDuty = money(quote.totalDuty());
        order.dutyQuotedAt = quote.quotedAt() == null ? now() : quote.quotedAt().truncatedTo(ChronoUnit.MICROS);
        order.dutySource = DutyQuotes.SERVICE;
        order.createdAt = now();
        order.createdBy = createdBy;

        List<PurchaseOrderLine> lines = new ArrayList<>(request.lines().size());
        for (int i = 0; i < request.lines().size(); i++) {
            NewPurchaseOrder.Line in = request.lines().get(i);
            CatalogueModel model = models.get(in.model());
            PurchaseOrderLine line = new PurchaseOrderLine();
            line.orderId = id;
            line.lineNumber = i + 1;
            line.modelCode = in.model();
            line.modelName = model.name();
            line.hashrateThs = model.hashrateThs();
            line.quantity = in.quantity();
            line.unitPrice = in.unitPrice().setScale(2, RoundingMode.HALF_UP);
            line.originCountry = in.originCountry();
            line.htsCode = htsCodeOf(in);
            line.customsValue = customsValues.get(i);
            line.estimatedDuty = money(quote.lineDuties().get(i));
            lines.add(line);
        }
        store.create(order, lines);
        return PurchaseOrderView.of(order, lines);
    }

    public Optional<PurchaseOrderView> find(UUID id, String org) {
        return store.find(id, org).map(o -> PurchaseOrderView.of(o.order(), o.lines()));
    }

    /** One page of an organisation's orders, newest first, after {@code after} (null: from the newest). */
    public Page<PurchaseOrderView> page(String org, Position after, int limit) {
        List<OrderWithLines> rows = store.page(org, after, limit + 1);
        return paging.page(rows, limit,
                o -> new String[] {o.order().createdAt.toString(), o.order().id.toString()},
                o -> PurchaseOrderView.of(o.order(), o.lines()));
    }

    /** Each distinct model once; every line naming a model the catalogue lacks is reported (422). */
    private Map<String, CatalogueModel> modelsOf(List<NewPurchaseOrder.Line> lines) {
        Map<String, CatalogueModel> found = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (NewPurchaseOrder.Line line : lines) {
            String code = line.model();
            if (!found.containsKey(code) && !unknown.contains(code)) {
                catalogue.find(code).ifPresentOrElse(m -> found.put(code, m), () -> unknown.add(code));
            }
        }
        if (!unknown.isEmpty()) {
            List<Problem.Violation> violations = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (unknown.contains(lines.get(i).model())) {
                    violations.add(new Problem.Violation("lines[" + i + "].model",
                            lines.get(i).model() + " is not in inventory-service's rig model catalogue"));
                }
            }
            throw Problems.unprocessable(violations);
        }
        return found;
    }

    private QuotedDuty quote(NewPurchaseOrder request, List<BigDecimal> customsValues) {
        List<QuoteLine> lines = new ArrayList<>(request.lines().size());
        for (int i = 0; i < request.lines().size(); i++) {
            NewPurchaseOrder.Line line = request.lines().get(i);
            lines.add(new QuoteLine(htsCodeOf(line), line.originCountry(), customsValues.get(i)));
        }
        try {
            return tariff.quote(request.expectedEntryDate(), lines);
        } catch (QuoteRejectedException e) {
            throw Problems.unprocessable(inOurTerms(e, request.lines().size()));
        }
    }

    /** tariff-service names its own request's fields; quote line i is order line i. */
    static List<Problem.Violation> inOurTerms(QuoteRejectedException e, int lineCount) {
        List<Problem.Violation> ours = new ArrayList<>();
        for (Problem.Violation v : e.violations()) {
            Matcher m = QUOTE_FIELD.matcher(v.field());
            if (m.matches() && Integer.parseInt(m.group(1)) < lineCount) {
                String property = m.group(2);
                String field = "lines[" + m.group(1) + "]"
                        + (property == null ? "" : "." + ("customsValue".equals(property) ? "unitPrice" : property));
                ours.add(new Problem.Violation(field, "tariff-service cannot quote this line: " + v.message()));
            } else if ("entryDate".equals(v.field())) {
                ours.add(new Problem.Violation("expectedEntryDate", "tariff-service cannot quote this date: " + v.message()));
            } else {
                ours.add(new Problem.Violation("lines", "tariff-service cannot quote this order: " + v.message()));
            }
        }
        if (ours.isEmpty()) {
            ours.add(new Problem.Violation("lines", "tariff-service cannot quote this order: " + e.getMessage()));
        }
        return ours;
    }

    /** The line's HTS code, or rigledger.procurement.default-hts-code (ASIC miners) when it names none. */
    String htsCodeOf(NewPurchaseOrder.Line line) {
        return line.htsCode() == null ? defaultHtsCode : line.htsCode();
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** PostgreSQL keeps microseconds; the cursor must round-trip exactly. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

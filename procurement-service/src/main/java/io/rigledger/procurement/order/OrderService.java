package io.rigledger.procurement.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.platform.http.ETags;
import io.rigledger.platform.idempotency.Answer;
import io.rigledger.platform.idempotency.Claim;
import io.rigledger.platform.idempotency.Idempotency;
import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.Page;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problems;
import io.rigledger.procurement.ProcurementConfig;
import io.rigledger.procurement.order.OrderStore.OrderFilter;
import io.rigledger.procurement.order.OrderStore.OrderWithLines;
import io.rigledger.procurement.order.OrderStore.Position;
import io.rigledger.procurement.order.OrderViews.PurchaseOrderView;
import io.rigledger.procurement.upstream.Catalogue;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Places and edits orders: names every line from inventory-service's cached catalogue, asks
 * tariff-service for the estimate ({@link Estimator}), and only then stores the order in one short
 * transaction with the request's Idempotency-Key. No transaction is open while a neighbour is
 * called. Transitions and re-quotes: {@link OrderMoves}.
 */
@ApplicationScoped
public class OrderService {

    private final OrderStore store;
    private final Catalogue catalogue;
    private final Estimator estimator;
    private final Idempotency idempotency;
    private final Paging paging;
    private final ObjectMapper json;
    private final String defaultHtsCode;
    Clock clock = Clock.systemUTC();

    OrderService(OrderStore store, Catalogue catalogue, Estimator estimator, Idempotency idempotency, Paging paging,
                 ObjectMapper json, ProcurementConfig config) {
        this.store = store;
        this.catalogue = catalogue;
        this.estimator = estimator;
        this.idempotency = idempotency;
        this.paging = paging;
        this.json = json;
        this.defaultHtsCode = config.defaultHtsCode();
    }

    /**
     * A new DRAFT order, priced; 201 with its Location, or the stored answer of an earlier request
     * with the same Idempotency-Key. The key is not read before the work ({@link Idempotency#onceWithoutLookup}):
     * a new key, the common case, costs no lookup and no transaction of its own; the order's one insert
     * ({@link OrderInsert}) finds a key already answered and the stored answer is replayed. A retry therefore
     * asks tariff-service for a quote again, stored there but named by no order (docs/orders.md "Speed").
     *
     * @param claim the request's Idempotency-Key claim, or null
     * @param base  the collection's URL, to which the new id is appended for Location
     * @throws io.rigledger.platform.problem.ProblemException 400 naming a line's sku or plant the
     *         catalogue lacks, or an export date after the entry date; 422 when tariff-service cannot
     *         quote a line or the key was used for another request; 503 when the catalogue cannot be read
     */
    public Answer place(NewPurchaseOrder request, String org, String createdBy, Claim claim, String base) {
        return idempotency.onceWithoutLookup(claim, c -> {
            exportNotAfterEntry(request.expectedExportDate(), request.expectedEntryDate(), "expectedExportDate");
            UUID id = UUID.randomUUID();
            List<PurchaseOrderLine> lines = OrderPricing.lines(id, request.lines(), catalogue.snapshot(), defaultHtsCode, "lines");
            Instant now = now();
            PurchaseOrder order = new PurchaseOrder();
            order.id = id;
            order.org = org;
            order.status = OrderStatus.DRAFT;
            order.supplier = request.supplier();
            order.incoterm = request.incoterm();
            order.expectedExportDate = request.expectedExportDate();
            order.expectedEntryDate = request.expectedEntryDate();
            order.transportMode = request.transportMode();
            order.destinationSite = request.destinationSite();
            order.currency = PurchaseOrder.USD;
            order.totalValue = OrderPricing.totalValue(lines);
            order.createdAt = now;
            order.createdBy = createdBy;
            order.updatedAt = now;
            estimator.estimate(order, lines, now);
            Answer answer = answer(201, new OrderWithLines(order, lines), base + "/" + id);
            store.create(order, lines, c, answer);
            return answer;
        });
    }

    /**
     * Changes a DRAFT (PATCH): the named fields; new lines or dates are priced again.
     *
     * @throws io.rigledger.platform.problem.ProblemException 404 for another organisation's or a
     *         missing order, 428/412 for a missing or stale If-Match, 409 unless DRAFT, 400/422 as for place
     */
    public Answer update(UUID id, String org, String ifMatch, OrderChange change) {
        if (change.isEmpty()) {
            throw Problems.badRequest("body", "must name at least one field to change");
        }
        OrderWithLines current = store.find(id, org).orElseThrow(() -> Problems.notFound("purchase order", id));
        ETags.requireMatch(ifMatch, current.order().version);
        requireDraft(current.order());
        PurchaseOrder draft = copy(current.order());
        apply(change, draft);
        exportNotAfterEntry(draft.expectedExportDate, draft.expectedEntryDate,
                change.expectedExportDate() != null ? "expectedExportDate" : "expectedEntryDate");
        List<PurchaseOrderLine> lines = change.lines() == null ? current.lines()
                : OrderPricing.lines(id, change.lines(), catalogue.snapshot(), defaultHtsCode, "lines");
        if (change.needsRequote()) {
            estimator.estimate(draft, lines, now());
        }
        draft.totalValue = OrderPricing.totalValue(lines);
        List<PurchaseOrderLine> priced = lines;
        return store.change(id, org, ifMatch, null, (order, stored) -> {
            requireDraft(order);
            copyInto(draft, order);
            return change.lines() == null && !change.needsRequote() ? stored : change.lines() == null ? reprice(stored, priced) : priced;
        }, o -> answer(200, o, null));
    }

    public Optional<OrderWithLines> find(UUID id, String org) {
        return store.find(id, org);
    }

    /**
     * One page of an organisation's orders, newest first, from {@code cursor} (null: from the newest).
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming cursor unless it is a cursor of this
     *         list, under the same filter, that this organisation was given
     */
    public Page<PurchaseOrderView> page(String org, OrderFilter filter, String cursor, int limit) {
        CursorKey key = paging.after(cursor, 2, filter.scope(org));
        Position after = key == null ? null : new Position(key.instant(0), key.uuid(1));
        List<OrderWithLines> rows = store.page(org, filter, after, limit + 1);
        return paging.page(rows, limit, filter.scope(org),
                o -> new String[] {o.order().createdAt.toString(), o.order().id.toString()},
                o -> PurchaseOrderView.of(o.order(), o.lines()));
    }

    /** The answer for an order: its JSON as the API shows it, with ETag (and Location when created). */
    Answer answer(int status, OrderWithLines o, String location) {
        return Answer.of(json, status, PurchaseOrderView.of(o.order(), o.lines()), location, ETags.of(o.order().version));
    }

    static void requireDraft(PurchaseOrder order) {
        if (!order.status.editable()) {
            throw Problems.conflict("the order is " + order.status + "; only a DRAFT can be changed");
        }
    }

    private static void exportNotAfterEntry(LocalDate export, LocalDate entry, String field) {
        if (export != null && entry != null && export.isAfter(entry)) {
            throw Problems.badRequest(field, "the export date " + export + " must not be after the entry date " + entry);
        }
    }

    private static void apply(OrderChange change, PurchaseOrder draft) {
        if (change.supplier() != null) {
            draft.supplier = change.supplier();
        }
        if (change.incoterm() != null) {
            draft.incoterm = change.incoterm();
        }
        if (change.expectedExportDate() != null) {
            draft.expectedExportDate = change.expectedExportDate();
        }
        if (change.expectedEntryDate() != null) {
            draft.expectedEntryDate = change.expectedEntryDate();
        }
        if (change.transportMode() != null) {
            draft.transportMode = change.transportMode();
        }
        if (change.destinationSite() != null) {
            draft.destinationSite = change.destinationSite();
        }
    }

    /** The stored lines with the estimate the draft's re-pricing gave them (same lines, new amounts). */
    private static List<PurchaseOrderLine> reprice(List<PurchaseOrderLine> stored, List<PurchaseOrderLine> priced) {
        for (int i = 0; i < stored.size(); i++) {
            stored.get(i).estimatedDuty = priced.get(i).estimatedDuty;
            stored.get(i).estimatedFees = priced.get(i).estimatedFees;
        }
        return stored;
    }

    static PurchaseOrder copy(PurchaseOrder o) {
        PurchaseOrder c = new PurchaseOrder();
        c.id = o.id;
        c.org = o.org;
        c.status = o.status;
        c.currency = o.currency;
        c.createdAt = o.createdAt;
        c.createdBy = o.createdBy;
        c.version = o.version;
        copyInto(o, c);
        return c;
    }

    /** The editable fields and the estimate of {@code from} onto {@code to}. */
    static void copyInto(PurchaseOrder from, PurchaseOrder to) {
        to.supplier = from.supplier;
        to.incoterm = from.incoterm;
        to.expectedExportDate = from.expectedExportDate;
        to.expectedEntryDate = from.expectedEntryDate;
        to.transportMode = from.transportMode;
        to.destinationSite = from.destinationSite;
        to.totalValue = from.totalValue;
        to.estimateStatus = from.estimateStatus;
        to.estimateReason = from.estimateReason;
        to.quoteId = from.quoteId;
        to.estimatedDuty = from.estimatedDuty;
        to.estimatedFees = from.estimatedFees;
        to.dutyQuotedAt = from.dutyQuotedAt;
        to.dutySource = from.dutySource;
        to.requoteAfter = from.requoteAfter;
        to.requoteAttempts = from.requoteAttempts;
    }

    /** PostgreSQL keeps microseconds; the cursor must round-trip exactly. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}

package io.rigledger.tariff.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.panache.common.Parameters;
import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Page;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.Problems;
import io.rigledger.tariff.allocation.AllocationTable;
import io.rigledger.tariff.allocation.LargestRemainder;
import io.rigledger.tariff.duty.Quotation;
import io.rigledger.tariff.quote.QuoteService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Files customs entries and their post-summary corrections and payments: validates the summary
 * ({@link SummaryChecks}), computes what the engine says for the same lines ({@link EntryEngine},
 * {@link Comparison}), keeps each summary version, and writes the duty ledger ({@link Ledger}):
 * ESTIMATED from the stored quotes the order lines name, DECLARED and ENGINE per order line and
 * layer, PAID as each payment comes in.
 */
@ApplicationScoped
public class EntryService {

    @Inject
    EntryStore store;

    @Inject
    EntryEngine engine;

    @Inject
    EntryViews views;

    @Inject
    QuoteService quotes;

    @Inject
    ObjectMapper json;

    @Inject
    Paging paging;

    /**
     * Files an entry (status FILED, summary version 1).
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming fields, 409 for an entry number the
     *         organisation already filed, 422 when the engine cannot compute a line or a quote is unknown
     */
    @Transactional
    public EntryView create(NewEntry body, String org, String by) {
        String number = refuseMalformed(body);
        store.lockNumber(org, number);
        if (CustomsEntry.count("org = ?1 and entryNumber = ?2", org, number) > 0) {
            throw Problems.conflict(List.of(new Problem.Violation("entryNumber", "is already filed by your organisation")));
        }
        CustomsEntry e = new CustomsEntry();
        e.id = UUID.randomUUID();
        e.org = org;
        e.entryNumber = number;
        e.entryType = body.entryType();
        e.entryDate = body.entryDate();
        e.exportDate = body.exportDate();
        e.portCode = body.portCode();
        e.transportMode = body.transportMode();
        e.importer = body.importer();
        e.status = EntryStatus.FILED;
        e.createdBy = by;
        e.createdAt = store.now();
        e.payments = "[]";
        e.originAudits = "[]";
        e.refunds = "[]";
        SummaryView summary = summarise(e, body, 1, null, by);
        manualSharesApply(summary);
        e.summaryVersion = 1;
        apply(e, summary);
        e.persist();
        store.keep(e, summary);
        Ledger ledger = Ledger.of(summary);
        store.ledger(e, ledger.summaryRows(summary));
        store.ledger(e, estimates(ledger, org, body.orderLines()));
        store.event(e, "FILE", null, by, null, null);
        return views.of(e);
    }

    /**
     * The checks of a new entry that need nothing stored or remote, run before its order lines are looked up in
     * procurement-service (so a malformed entry is 400 whatever procurement-service holds) and again at filing.
     *
     * @return the entry number in its normal form XXX-NNNNNNN-N
     * @throws io.rigledger.platform.problem.ProblemException 400 naming entryNumber (filer code 000), exportDate (after the
     *         date of entry or more than a year before it), or a field of the summary ({@link SummaryChecks})
     */
    static String refuseMalformed(NewEntry body) {
        String number = EntryNumber.normalise(body.entryNumber())
                .orElseThrow(() -> Problems.badRequest("entryNumber", "must be a filer code (not 000), 7 digits and a check digit"));
        if (body.exportDate() != null && body.exportDate().isAfter(body.entryDate())) {
            throw Problems.badRequest("exportDate", "must not be after entryDate");
        }
        if (body.exportDate() != null && body.exportDate().isBefore(body.entryDate().minusYears(1))) {
            // goods exported more than a year before they entered: a mistyped year, not a shipment
            throw Problems.badRequest("exportDate", "must be at most 1 year before entryDate");
        }
        SummaryChecks.check(body);
        return number;
    }

    /**
     * A post-summary correction: the next summary version; the old one stays readable. Allowed from
     * PAID or CORRECTED, up to the correction deadline, and only while CBP has not audited the entry: once an origin
     * audit is recorded, CBP's notice of action decides the duty and a post-summary correction is no longer accepted
     * (19 CFR 101.9(b); CBP rejects a PSC for an entry under its review), so declaring what the audit found would bill
     * the audit's layers a second time; the way on is the liquidation and a protest (19 U.S.C. 1514).
     *
     * @throws io.rigledger.platform.problem.ProblemException 404, 409 when the status, the deadline or an origin audit forbids it,
     *         422 naming orderLines[i].quoteId for a quote the organisation did not store
     */
    @Transactional
    public EntryView correct(UUID id, EntryCorrection body, String org, String by) {
        CustomsEntry e = store.lock(id, org);
        EntryStatus from = Moves.require(e, EntryStatus.Move.CORRECT);
        LocalDate due = Deadlines.correctionDue(e.entryDate);
        if (store.today().isAfter(due)) {
            throw Problems.conflict("the post-summary correction deadline of this entry was " + due);
        }
        List<EntryView.OriginAudit> audits = store.readList(e.originAudits, EntryView.OriginAudit.class);
        if (!audits.isEmpty()) {
            EntryView.OriginAudit a = audits.get(audits.size() - 1);
            throw Problems.conflict("no post-summary correction after CBP's origin audit (to " + a.assertedOrigin() + ", noticed on "
                    + a.noticeDate() + "): CBP does not accept a correction of an entry it reviewed (19 CFR 101.9(b)); its bill already"
                    + " holds the audited duty, so declaring it again would bill it twice; contest it by protest after liquidation");
        }
        SummaryChecks.check(body);
        SummaryView summary = summarise(e, body, e.summaryVersion + 1, body.reason(), by);
        manualSharesApply(summary);
        Ledger ledger = Ledger.of(summary);
        // as at filing: an unknown quote is 422 naming orderLines[i].quoteId, before anything is written; the estimate
        // follows the corrected order lines and quotes
        List<Ledger.Row> estimated = estimates(ledger, org, body.orderLines());
        e.summaryVersion = summary.version();
        apply(e, summary);
        e.status = from.after(EntryStatus.Move.CORRECT, true);
        store.keep(e, summary);
        store.dropLedger(e, List.of("DECLARED", "ENGINE", "ESTIMATED"));
        store.ledger(e, ledger.summaryRows(summary));
        store.ledger(e, estimated);
        store.event(e, "CORRECT", from, by, body.reason(), null);
        return views.of(e);
    }

    /**
     * Records a payment. Before liquidation and audits it is the deposit: the entry is PAID once payments
     * cover the declared duty and fees, and the amount is spread over the declared layers in proportion
     * (PAID ledger rows). What a payment brings beyond the declared deposit pays CBP's bills
     * (supplementary bills of a liquidation or an origin audit, their interest), spread over the billed
     * layers in proportion. After liquidation (or a refund request) a payment is taken only while
     * something billed is unpaid. No payment may exceed what is still due (declared duty and fees + CBP's bills, net,
     * with their interest - what was paid): nothing of it is written. Payments of one entry are serialised by its row lock.
     *
     * @throws io.rigledger.platform.problem.ProblemException 404; 409 when nothing is left to pay after liquidation, 409
     *         naming amount when it exceeds what is still due; 422 naming paidOn before the date of entry, 400 after today
     */
    @Transactional
    public EntryView pay(UUID id, EntryMoves.NewPayment body, String org, String by) {
        CustomsEntry e = store.lock(id, org);
        EntryStatus from = Moves.require(e, EntryStatus.Move.PAY);
        if (body.paidOn().isBefore(e.entryDate)) {
            // duty is deposited after the date of entry, within 10 working days of release (docs/domain.md, "The life of a duty amount" 2)
            throw Problems.unprocessable("paidOn", "must not be before the date of entry " + e.entryDate);
        }
        if (body.paidOn().isAfter(store.today())) {
            throw Problems.badRequest("paidOn", "must be from the date of entry " + e.entryDate + " to today");
        }
        List<EntryView.Payment> payments = new ArrayList<>(store.readList(e.payments, EntryView.Payment.class));
        BigDecimal paidBefore = payments.stream().map(EntryView.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        SummaryView summary = store.summary(e);
        // net of what CBP billed (an origin audit also lowers the layers the asserted origin does not owe: CREDITED), per layer
        Map<String, EntryStore.LayerSum> net = new LinkedHashMap<>();
        store.ledgerSums(e, List.of("BILLED", Owed.CREDITED)).forEach(b -> net.merge(b.program() + "|" + b.heading(), b,
                (x, y) -> new EntryStore.LayerSum("BILLED", x.program(), x.heading(), x.amount().add(y.amount()))));
        BigDecimal billedTotal = net.values().stream().map(EntryStore.LayerSum::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<EntryStore.LayerSum> billed = net.values().stream().filter(b -> b.amount().signum() > 0).toList();
        boolean depositPhase = from == EntryStatus.FILED || from == EntryStatus.PAID || from == EntryStatus.CORRECTED;
        if (!depositPhase && summary.totals().declared().add(billedTotal).compareTo(paidBefore) <= 0) {
            throw Problems.conflict("nothing billed is unpaid: " + paidBefore.setScale(2) + " paid of " + summary.totals().declared()
                    + " declared and " + billedTotal.setScale(2) + " billed");
        }
        BigDecimal stillDue = summary.totals().declared().add(billedTotal).subtract(paidBefore).max(BigDecimal.ZERO).setScale(2);
        if (body.amount().compareTo(stillDue) > 0) {
            throw Problems.conflict(List.of(new Problem.Violation("amount", "exceeds the " + stillDue + " still due ("
                    + summary.totals().declared() + " declared + " + billedTotal.setScale(2) + " billed - " + paidBefore.setScale(2)
                    + " paid)")));
        }
        payments.add(new EntryView.Payment(body.amount(), body.paidOn(), body.achReference(), by, store.now()));
        e.payments = store.write(payments);
        BigDecimal paid = paidBefore.add(body.amount());
        e.status = from.after(EntryStatus.Move.PAY, paid.compareTo(summary.totals().declared()) >= 0);
        BigDecimal depositLeft = summary.totals().declared().subtract(paidBefore).max(BigDecimal.ZERO);
        BigDecimal toDeposit = billed.isEmpty() ? body.amount() : body.amount().min(depositLeft);
        Ledger ledger = Ledger.of(summary);
        List<Ledger.Row> summaryRows = ledger.summaryRows(summary);
        List<Ledger.Row> declared = summaryRows.stream().filter(r -> r.kind().equals("DECLARED")).toList();
        List<Ledger.Row> rows = new ArrayList<>();
        if (toDeposit.signum() > 0 && summary.totals().declared().signum() > 0) {
            List<BigDecimal> parts = LargestRemainder.split(toDeposit, declared.stream().map(Ledger.Row::amount).toList());
            for (int i = 0; i < declared.size(); i++) {
                Ledger.Row d = declared.get(i);
                rows.add(new Ledger.Row("PAID", d.program(), d.heading(), d.cell(), parts.get(i)));
            }
        }
        BigDecimal toBills = body.amount().subtract(toDeposit);
        if (toBills.signum() > 0) {
            List<BigDecimal> parts = LargestRemainder.split(toBills, billed.stream().map(EntryStore.LayerSum::amount).toList());
            for (int i = 0; i < billed.size(); i++) {
                rows.addAll(ledger.spread("PAID", billed.get(i).program(), billed.get(i).heading(), parts.get(i), summaryRows));
            }
        }
        store.ledger(e, rows);
        store.event(e, "PAY", from, by, "ACH " + body.achReference(), payments.get(payments.size() - 1));
        return views.of(e);
    }

    /** The entry, or 404 for a missing one and another organisation's. */
    @Transactional
    public EntryView get(UUID id, String org) {
        return views.of(store.load(id, org));
    }

    /** The history, oldest first. */
    @Transactional
    public List<EntryView.Event> history(UUID id, String org) {
        return store.history(store.load(id, org));
    }

    /** One summary version; 404 for a version the entry does not have. */
    @Transactional
    public SummaryView version(UUID id, int version, String org) {
        CustomsEntry e = store.load(id, org);
        SummaryView v = store.version(e.id, version);
        if (v == null) {
            throw Problems.notFound("summary version " + version + " of entry", id);
        }
        return v;
    }

    /**
     * The organisation's entries by date of entry, then id (keyset paging); with {@code order}, only the
     * entries whose current summary covers a line of that purchase order (their DECLARED ledger rows).
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 for a bad limit or cursor
     */
    @Transactional
    public Page<EntryListItem> list(String org, UUID order, String limitText, String cursor) {
        int limit = paging.limit(limitText);
        CursorScope scope = CursorScope.of(org, "entries", order);
        CursorKey after = paging.after(cursor, 2, scope);
        StringBuilder query = new StringBuilder("org = :org");
        Parameters params = Parameters.with("org", org);
        if (order != null) {
            query.append(" and id in (select a.entryId from EntryAmount a where a.org = :org and a.orderId = :order"
                    + " and a.kind = 'DECLARED')");
            params.and("order", order);
        }
        if (after != null) {
            LocalDate date;
            try {
                date = LocalDate.parse(after.text(0));
            } catch (DateTimeParseException ex) {
                throw Paging.invalidCursor();
            }
            query.append(" and (entryDate > :date or (entryDate = :date and id > :after))");
            params.and("date", date).and("after", after.uuid(1));
        }
        List<CustomsEntry> rows = CustomsEntry.find(query + " order by entryDate, id", params).page(0, limit + 1).list();
        return paging.page(rows, limit, scope, e -> new String[] {e.entryDate.toString(), e.id.toString()}, views::item);
    }

    private SummaryView summarise(CustomsEntry e, SummaryInput body, int version, String reason, String by) {
        Quotation quote = engine.quote(e.entryDate, e.exportDate, e.transportMode, body.lines(), null);
        List<SummaryView.LineView> lines = Comparison.lines(body, quote);
        List<SummaryView.Amounts> fees = Comparison.fees(body.fees() == null ? List.of() : body.fees(), quote);
        return new SummaryView(version, reason, by, store.now(), body.allocationMethod() == null ? "VALUE" : body.allocationMethod(),
                Boolean.TRUE.equals(body.reconciliationFlag()), Boolean.TRUE.equals(body.drawbackClaim()), quote.scheduleVersion(),
                lines, fees, body.orderLines(), Comparison.totals(lines, fees));
    }

    /**
     * MANUAL allocation: each order line must get exactly its manual share. A 7501 line's layers go
     * to the order lines on that line and the fees to all of them, each split by the shares and rounded
     * as the allocation rounds them ({@link AllocationTable}), so a
     * share that this split cannot give (e.g. 90.00 on a line declaring 10.00) is 400 naming
     * orderLines[i].manualShare with what the line would get; never silently reallocated.
     */
    private static void manualSharesApply(SummaryView summary) {
        if (!summary.allocationMethod().equals("MANUAL")) {
            return;
        }
        AllocationTable table = AllocationTable.of(summary, List.of());
        List<Problem.Violation> v = new ArrayList<>();
        for (int i = 0; i < summary.orderLines().size(); i++) {
            SummaryInput.OrderLine o = summary.orderLines().get(i);
            int row = IntStream.range(0, table.rows().size()).filter(r -> table.rows().get(r).orderLine() == o).findFirst().orElseThrow();
            long[] dutyAndFees = table.dutyAndFees(row);
            BigDecimal gets = BigDecimal.valueOf(dutyAndFees[0] + dutyAndFees[1], 2);
            if (gets.compareTo(o.manualShare()) != 0) {
                v.add(new Problem.Violation("orderLines[" + i + "].manualShare", "cannot apply: the declared layers of 7501 line "
                        + o.entryLine() + " and the fees split by the shares give this order line " + gets));
            }
        }
        if (!v.isEmpty()) {
            throw Problems.invalid(v);
        }
    }

    private static void apply(CustomsEntry e, SummaryView summary) {
        e.reconciliationFlag = summary.reconciliationFlag();
        e.drawbackClaim = summary.drawbackClaim();
        e.hasIeepa = summary.lines().stream().flatMap(l -> l.layers().stream())
                .anyMatch(a -> Refundable.isIeepa(a.heading()) && a.declared().signum() > 0);
    }

    /** ESTIMATED rows: each order line's layers as its stored quote line gave them. */
    private List<Ledger.Row> estimates(Ledger ledger, String org, List<SummaryInput.OrderLine> written) {
        List<Ledger.Row> rows = new ArrayList<>();
        for (int i = 0; i < ledger.cells().size(); i++) {
            Ledger.Cell cell = ledger.cells().get(i);
            SummaryInput.OrderLine o = cell.orderLine();
            if (o.quoteId() == null) {
                continue;
            }
            int index = written.indexOf(o);
            String field = "orderLines[" + index + "].quoteId";
            String body = quotes.bodyOf(o.quoteId(), org)
                    .orElseThrow(() -> Problems.unprocessable(field, "no stored duty quote " + o.quoteId() + " of your organisation"));
            JsonNode quote;
            try {
                quote = json.readTree(body);
            } catch (IOException ex) {
                throw new IllegalStateException("stored quote " + o.quoteId() + " is not JSON", ex);
            }
            int lineNumber = o.quoteLineNumber() == null ? 1 : o.quoteLineNumber();
            JsonNode line = quote.path("lines").path(lineNumber - 1);
            if (line.isMissingNode()) {
                throw Problems.unprocessable("orderLines[" + index + "].quoteLineNumber", "the quote has no line " + lineNumber);
            }
            for (JsonNode part : line.path("parts")) {
                for (JsonNode layer : part.path("layers")) {
                    rows.add(new Ledger.Row("ESTIMATED", layer.path("program").asText(), layer.path("heading").asText(), cell,
                            layer.path("amount").decimalValue().setScale(2)));
                }
            }
            rows.addAll(estimatedFees(quote, lineNumber, cell));
        }
        return rows;
    }

    /**
     * ESTIMATED fee rows (MPF, HMF) of one quote line: each fee of the quote, which is charged once
     * per quote on the non-US-origin lines' value, split over those lines by value with the largest
     * remainder (US-origin lines carry none), this line's part.
     */
    private static List<Ledger.Row> estimatedFees(JsonNode quote, int lineNumber, Ledger.Cell cell) {
        List<BigDecimal> weights = new ArrayList<>();
        for (JsonNode l : quote.path("lines")) {
            weights.add("US".equals(l.path("originCountry").asText()) ? BigDecimal.ZERO : l.path("customsValue").decimalValue());
        }
        if (weights.stream().allMatch(w -> w.signum() == 0)) {
            return List.of();
        }
        List<Ledger.Row> rows = new ArrayList<>();
        for (JsonNode fee : quote.path("fees")) {
            List<BigDecimal> parts = LargestRemainder.split(fee.path("amount").decimalValue().setScale(2), weights);
            rows.add(new Ledger.Row("ESTIMATED", fee.path("type").asText(), "", cell, parts.get(lineNumber - 1)));
        }
        return rows;
    }
}

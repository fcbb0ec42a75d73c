package io.rigledger.tariff.entry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An entry as the API answers it (contract: Entry): the 7501 header, the status, the current
 * summary version, payments, liquidation, protest, the refund claims ({@code refunds}, in the order requested;
 * {@code refund} is the latest of them, as the API answered before several claims were possible), what can still
 * be claimed per kind ({@code refundable}), origin audits and open deadlines. USD.
 */
public record EntryView(UUID id, String entryNumber, String entryType, LocalDate entryDate, LocalDate exportDate,
                        String portCode, String transportMode, String importer, String status, String createdBy,
                        Instant createdAt, SummaryView summary, List<Payment> payments, BigDecimal paid,
                        Liquidation liquidation, Protest protest, Refund refund, List<Refund> refunds,
                        List<Refundable> refundable, List<OriginAudit> originAudits,
                        List<Deadlines.Deadline> deadlines) {

    public record Payment(BigDecimal amount, LocalDate paidOn, String achReference, String recordedBy, Instant recordedAt) {
    }

    /** One layer (or fee) before and after a liquidation or an origin audit; difference = after - before. */
    public record LayerChange(String program, String heading, BigDecimal before, BigDecimal after, BigDecimal difference) {
    }

    /** Liquidated amounts; supplementaryBill = sum of increases, refundDue = sum of decreases (both positive). */
    public record Liquidation(LocalDate liquidationDate, String reason, List<LayerChange> layers, BigDecimal supplementaryBill,
                              BigDecimal refundDue) {
    }

    /**
     * A protest (CBP Form 19) and CBP's decision; {@code layers} is the reliquidation of an ALLOWED protest (before = owed at the
     * decision, after = CBP's final amount) and {@code refundDue} the sum of its decreases (positive), claimable as a PROTEST refund.
     */
    public record Protest(LocalDate filedOn, String protestNumber, String reason, LocalDate decidedOn, String decision,
                          List<LayerChange> layers, BigDecimal refundDue) {
    }

    /** A refundable amount per Chapter 99 heading. */
    public record HeadingAmount(String heading, BigDecimal amount) {
    }

    /**
     * One refund claim: its number on the entry (1, 2, ... in the order requested), its kind (the basis: CAPE for IEEPA
     * duty, LIQUIDATION for what a liquidation lowered, ORIGIN_AUDIT for what an origin audit lowered), what was
     * claimed (per heading; a fee or a layer without heading by its program) and what came back; shortfall = claimed -
     * principal received; received = the principal per heading as booked (absent for a claim received before it was kept).
     */
    public record Refund(Integer claim, String kind, LocalDate requestedOn, String reason, List<HeadingAmount> claimed, BigDecimal claimedTotal,
                         LocalDate receivedOn, BigDecimal principal, BigDecimal interest, String reference, BigDecimal shortfall,
                         List<HeadingAmount> received) {
    }

    /** What a claim of {@code kind} could claim now for one heading (or fee), USD, more than 0. */
    public record Refundable(String kind, String heading, BigDecimal amount) {
    }

    /** CBP's asserted origin beside the declared ones, the duty re-computed for it, and the supplementary bill. */
    public record OriginAudit(String assertedOrigin, List<String> declaredOrigins, LocalDate noticeDate, String reason,
                              List<LayerChange> layers, BigDecimal dutyDifference, BigDecimal interest, BigDecimal bill,
                              String recordedBy, Instant recordedAt) {
    }

    /** One step of the history (contract: EntryEvent). */
    public record Event(String action, String fromStatus, String toStatus, Instant at, String by, String reason) {
    }
}

package io.rigledger.procurement.upstream;

import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.rigledger.procurement.upstream.tariff.api.AllocationApi;
import io.rigledger.procurement.upstream.tariff.api.EntriesApi;
import io.rigledger.procurement.upstream.tariff.model.Allocation;
import io.rigledger.procurement.upstream.tariff.model.AllocationLinesInner;
import io.rigledger.procurement.upstream.tariff.model.AllocationLinesInnerRigsInner;
import io.rigledger.procurement.upstream.tariff.model.EntryPage;
import io.rigledger.procurement.upstream.tariff.model.EntryPageItemsInner;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The customs entries that cover a purchase order and their allocation of duty and fees, from
 * tariff-service (operations listEntries with purchaseOrderId, and getEntryAllocation), read with
 * procurement-service's service account acting for the order's organisation (X-On-Behalf-Of-Org).
 * tariff-service allocates what the entry owes now (declared, plus what CBP billed since, e.g. an
 * origin audit, less liquidation decreases and CAPE refunds) to the order lines and then to each
 * line's rigs in equal shares, giving per line and per rig the duty and the fees (MPF, HMF) by
 * controlled rounding: every column adds up exactly.
 * Retries and breaker: quarkus.fault-tolerance."io.rigledger.procurement.upstream.EntryAllocations/ofOrder".*.
 */
@ApplicationScoped
public class EntryAllocations {

    private static final int PAGE = 100;

    @Inject
    @RestClient
    EntriesApi entries;

    @Inject
    @RestClient
    AllocationApi allocations;

    /** One rig's share of its line: duty and fees, USD. */
    public record AllocatedRig(String serialNumber, BigDecimal duty, BigDecimal fees) {
    }

    /**
     * One order line's part of one entry: the rigs it covers ({@code quantity}), the duty and fees
     * allocated to them (USD), and each rig's share when the entry names the serials (else empty).
     */
    public record AllocatedLine(UUID entryId, int lineNumber, UUID shipmentId, int quantity, BigDecimal duty,
                                BigDecimal fees, List<AllocatedRig> rigs) {
    }

    /**
     * Every entry's allocation to the lines of {@code orderId}, in the order tariff-service lists the
     * entries (date of entry, then id); empty when no entry covers the order yet.
     *
     * @throws UpstreamUnavailableException when tariff-service does not answer, fails or refuses our token
     */
    @Retry(retryOn = UpstreamUnavailableException.class)
    @CircuitBreaker(failOn = UpstreamUnavailableException.class)
    @CircuitBreakerName("tariff-entry-allocations")
    public List<AllocatedLine> ofOrder(String org, UUID orderId) {
        try {
            List<UUID> covering = new ArrayList<>();
            String cursor = null;
            do {
                EntryPage page = entries.listEntries(PAGE, cursor, orderId, org);
                for (EntryPageItemsInner e : page.getItems()) {
                    covering.add(e.getId());
                }
                cursor = page.getNextCursor();
            } while (cursor != null);
            List<AllocatedLine> lines = new ArrayList<>();
            for (UUID entryId : covering) {
                Allocation allocation = allocations.getEntryAllocation(entryId, org);
                for (AllocationLinesInner line : allocation.getLines()) {
                    if (orderId.equals(line.getPurchaseOrderId())) {
                        lines.add(inOurTerms(entryId, line));
                    }
                }
            }
            return lines;
        } catch (RuntimeException e) {
            throw Upstreams.unavailable(DutyQuotes.SERVICE, "getEntryAllocation", e);
        }
    }

    private static AllocatedLine inOurTerms(UUID entryId, AllocationLinesInner line) {
        List<AllocatedRig> rigs = new ArrayList<>(line.getRigs() == null ? 0 : line.getRigs().size());
        if (line.getRigs() != null) {
            for (AllocationLinesInnerRigsInner r : line.getRigs()) {
                rigs.add(new AllocatedRig(r.getSerialNumber(), r.getDuty(), r.getFees()));
            }
        }
        return new AllocatedLine(entryId, line.getLineNumber(), line.getShipmentId(), line.getQuantity(),
                line.getDuty(), line.getFees(), List.copyOf(rigs));
    }
}

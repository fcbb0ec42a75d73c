package io.rigledger.inventory.rig;

import io.rigledger.inventory.Formats;
import io.rigledger.platform.problem.Problem.Violation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of POST /api/rigs/batch (schema RigBatch): 1..10,000 rigs, idempotent on
 * (manufacturer, serial number). organisation is required for service accounts.
 */
public record RigBatch(
        @Size(max = Formats.ORGANISATION_MAX) @Pattern(regexp = Formats.ORGANISATION, message = Formats.ORGANISATION_MESSAGE)
        String organisation,
        @NotNull @Size(min = 1, max = RigBatch.MAX_RIGS) List<@NotNull @Valid NewRig> rigs) {

    /** The most rigs one batch may carry. */
    public static final int MAX_RIGS = 10_000;

    /** Schema RigBatchResult: counts and one item per rig, in request order. */
    public record Result(int registered, int replayed, List<Item> items) {
    }

    /**
     * Schema RigBatchItem: replayed is true when the rig was registered before and left unchanged (but
     * for an RMA return); status is the rig's after the call; returnedFromRma is true when this call
     * moved it from RMA to RECEIVED, null otherwise; conflicts (absent when none) name what the replay
     * sent differently from the stored rig.
     */
    public record Item(String id, String manufacturer, String serialNumber, boolean replayed, RigStatus status,
                       Boolean returnedFromRma, List<Violation> conflicts) {
    }
}

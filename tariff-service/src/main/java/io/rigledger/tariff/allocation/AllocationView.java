package io.rigledger.tariff.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An entry's declared duty (per layer) and fees allocated to the purchase-order lines it covers and
 * then to their rigs (contract: Allocation). USD; every split is largest remainder, so the lines add
 * up to each layer and the rigs to their line.
 */
public record AllocationView(UUID entryId, String entryNumber, String method, List<Layer> layers, BigDecimal total,
                             List<Line> lines) {

    /** One layer (program and heading; fees MPF/HMF with an empty heading) and its amount. */
    public record Layer(String program, String heading, BigDecimal amount) {
    }

    /** One order line: its layers, their total, and the total per rig (serial number; none when no serials were given). */
    public record Line(UUID purchaseOrderId, int lineNumber, UUID shipmentId, int quantity, BigDecimal basis,
                       List<Layer> layers, BigDecimal total, List<Rig> rigs) {
    }

    public record Rig(String serialNumber, BigDecimal amount) {
    }
}

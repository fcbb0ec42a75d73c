package io.rigledger.tariff.allocation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an entry owes (duty per layer and fees: as declared, changed by CBP's bills, liquidation,
 * origin audits and refunds) allocated to the purchase-order lines it covers and then to their rigs
 * (contract: Allocation). USD. The lines add up to each layer and to the total, the rigs to their
 * line's duty, fees and total, each part within a cent of its exact share ({@link AllocationTable}).
 */
public record AllocationView(UUID entryId, String entryNumber, String method, List<Layer> layers, BigDecimal total,
                             List<Line> lines) {

    /**
     * One layer (program and heading; fees MPF/HMF with an empty heading) and what is owed of it;
     * {@code declared} (entry level only) what the 7501 declared.
     */
    public record Layer(String program, String heading, BigDecimal amount, BigDecimal declared) {
    }

    /**
     * One order line: its layers, its duty (all layers but the fees), fees (MPF, HMF), total, and the
     * same per rig (serial number; none when no serials were given).
     */
    public record Line(UUID purchaseOrderId, int lineNumber, UUID shipmentId, int quantity, BigDecimal basis,
                       List<Layer> layers, BigDecimal duty, BigDecimal fees, BigDecimal total, List<Rig> rigs) {
    }

    /** One rig's duty, fees share and total ({@code amount}). */
    public record Rig(String serialNumber, BigDecimal duty, BigDecimal fees, BigDecimal amount) {
    }
}

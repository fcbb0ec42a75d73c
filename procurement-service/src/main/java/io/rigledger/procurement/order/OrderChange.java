package io.rigledger.procurement.order;

import io.rigledger.platform.validation.EntryDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of PATCH /api/purchase-orders/{id} (contract: OrderChange): the fields to change on a
 * DRAFT; null leaves a field as it is; {@code lines} replaces every line.
 */
public record OrderChange(
        @Size(min = 1, max = 100) @Pattern(regexp = "^[^\\x00-\\x1f\\x7f]+$", message = "must not be blank or hold control characters")
        String supplier,
        @Pattern(regexp = NewPurchaseOrder.INCOTERMS, message = "must be one of EXW, FCA, FOB, CIF, DAP, DDP") String incoterm,
        @EntryDate LocalDate expectedExportDate,
        @EntryDate LocalDate expectedEntryDate,
        @Pattern(regexp = NewPurchaseOrder.MODES, message = "must be one of OCEAN, AIR, TRUCK, RAIL") String transportMode,
        @Size(max = 32) @Pattern(regexp = NewPurchaseOrder.CODE, message = "must be a site code such as DAL1") String destinationSite,
        @Size(min = 1, max = 200) List<NewPurchaseOrder.@NotNull @Valid Line> lines) {

    /** Whether nothing is to change (the contract asks for at least one field). */
    boolean isEmpty() {
        return supplier == null && incoterm == null && expectedExportDate == null && expectedEntryDate == null
                && transportMode == null && destinationSite == null && lines == null;
    }

    /** Whether the change alters what the duty estimate depends on. */
    boolean needsRequote() {
        return incoterm != null || expectedExportDate != null || expectedEntryDate != null || transportMode != null
                || lines != null;
    }
}

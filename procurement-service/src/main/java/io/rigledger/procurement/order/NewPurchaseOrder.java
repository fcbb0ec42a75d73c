package io.rigledger.procurement.order;

import io.rigledger.platform.validation.EntryDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of POST /api/purchase-orders (contract: NewPurchaseOrder). Dates are LocalDates of
 * entry and export; the export date may not follow the entry date (checked by the service).
 */
public record NewPurchaseOrder(
        @NotBlank @Size(max = 100) String supplier,
        @NotNull @Pattern(regexp = INCOTERMS, message = "must be one of EXW, FCA, FOB, CIF, DAP, DDP") String incoterm,
        @EntryDate LocalDate expectedExportDate,
        @NotNull @EntryDate LocalDate expectedEntryDate,
        @NotNull @Pattern(regexp = MODES, message = "must be one of OCEAN, AIR, TRUCK, RAIL") String transportMode,
        @NotNull @Size(max = 32) @Pattern(regexp = CODE, message = "must be a site code such as DAL1") String destinationSite,
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Line> lines) {

    static final String INCOTERMS = "^(EXW|FCA|FOB|CIF|DAP|DDP)$";
    static final String MODES = "^(OCEAN|AIR|TRUCK|RAIL)$";
    static final String CODE = "^[A-Z0-9]+(-[A-Z0-9]+)*$";

    /**
     * contract: NewOrderLine. quantity in rigs, unitPrice in USD per rig (the entered value of one
     * rig), usContentPercent in percent of value.
     */
    public record Line(
            @NotNull @Size(max = 64) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                    message = "must be a catalogue code such as antminer-s21-xp") String sku,
            @NotNull @Size(max = 32) @Pattern(regexp = CODE, message = "must be a plant code such as BITMAIN-MY") String plant,
            @NotNull @Min(1) @Max(100000) Integer quantity,
            @NotNull @DecimalMin("0.01") @DecimalMax("99999999.99")
            @Digits(integer = 9, fraction = 2, message = "must have at most two decimals") BigDecimal unitPrice,
            @DecimalMin("0") @DecimalMax("100")
            @Digits(integer = 3, fraction = 2, message = "must have at most two decimals") BigDecimal usContentPercent,
            @Pattern(regexp = "^\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?$",
                    message = "must be a dotted HTS code such as 8543.70.9860") String htsCode) {
    }
}

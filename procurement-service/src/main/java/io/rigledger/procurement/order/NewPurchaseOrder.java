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

/** The body of POST /api/purchase-orders (contract: NewPurchaseOrder). */
public record NewPurchaseOrder(
        @NotBlank @Size(max = 100) String supplier,
        @NotNull @EntryDate LocalDate expectedEntryDate,
        @NotNull @Size(min = 1, max = 200) List<@NotNull @Valid Line> lines) {

    /** contract: NewOrderLine */
    public record Line(
            @NotNull @Size(max = 64) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                    message = "must be a catalogue code such as antminer-s21-xp") String model,
            @NotNull @Min(1) @Max(100000) Integer quantity,
            @NotNull @DecimalMin("0.01") @DecimalMax("99999999.99")
            @Digits(integer = 9, fraction = 2, message = "must have at most two decimals") BigDecimal unitPrice,
            @NotNull @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code") String originCountry,
            @Pattern(regexp = "^\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?$",
                    message = "must be a dotted HTS code such as 8543.70.9860") String htsCode) {
    }
}

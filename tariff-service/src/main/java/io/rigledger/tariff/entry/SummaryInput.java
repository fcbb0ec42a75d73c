package io.rigledger.tariff.entry;

import io.rigledger.platform.validation.CountryCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What an entry summary (CBP Form 7501) declares, as filed or as corrected: the lines with their
 * Chapter 99 layers, the fees, the purchase-order lines the entry covers (ids from
 * procurement-service) and how the duty is allocated to them. Amounts are USD with two decimals.
 */
public interface SummaryInput {

    String MONEY_MAX = "9999999999999.99";
    String HTS = "^\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?$";
    String PROGRAMS = "MFN|SECTION_301|SECTION_301_FORCED_LABOR|IEEPA_FENTANYL|IEEPA_RECIPROCAL|SECTION_122|SECTION_232";

    List<Line> lines();

    List<Fee> fees();

    List<OrderLine> orderLines();

    /** VALUE (default), QUANTITY or MANUAL. */
    String allocationMethod();

    Boolean reconciliationFlag();

    Boolean drawbackClaim();

    /** One 7501 line: HTS number, declared origin, entered value (USD), units, US content percent, maker, layers as declared. */
    record Line(
            @NotNull @Pattern(regexp = HTS, message = "must be a dotted HTS code such as 8543.70.9860") String htsCode,
            @NotNull @CountryCode String originCountry,
            @NotNull @DecimalMin("0") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal customsValue,
            @NotNull @Min(1) @Max(1_000_000) Integer quantity,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal usContentPercent,
            @NotNull @Size(min = 1, max = 100) @Pattern(regexp = "^[^\\p{Cc}]+$", message = "must not contain control characters")
            String manufacturer,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid Layer> layers) {
    }

    /** One declared layer: program, Chapter 99 heading (the HTS subheading for MFN), rate percent, amount USD. */
    record Layer(
            @NotNull @Pattern(regexp = "^(" + PROGRAMS + ")$", message = "must be one of " + PROGRAMS) String program,
            @NotNull @Pattern(regexp = HTS, message = "must be a dotted heading such as 9903.88.02") String heading,
            @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 4) BigDecimal ratePercent,
            @NotNull @DecimalMin("0") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    /** A fee as declared: MPF or HMF, amount USD. */
    record Fee(
            @NotNull @Pattern(regexp = "^(MPF|HMF)$", message = "must be MPF or HMF") String type,
            @NotNull @DecimalMin("0") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    /**
     * A purchase-order line the entry covers: the order and its line number, the shipment, which
     * 7501 line ({@code entryLine}, 1-based) its goods are on, its entered value (USD) and units, the
     * rigs' serial numbers (as many as units, or none), a manual share (USD) for MANUAL allocation,
     * and the stored duty quote line that estimated it.
     */
    record OrderLine(
            @NotNull UUID purchaseOrderId,
            @NotNull @Min(1) @Max(100_000) Integer lineNumber,
            UUID shipmentId,
            @NotNull @Min(1) @Max(500) Integer entryLine,
            @NotNull @DecimalMin("0") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal value,
            @NotNull @Min(1) @Max(100_000) Integer quantity,
            @Size(max = 10_000) List<@NotNull @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "must be 1 to 64 letters, digits, dot, underscore or hyphen") String> serialNumbers,
            @DecimalMin("0") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal manualShare,
            UUID quoteId,
            @Min(1) @Max(500) Integer quoteLineNumber) {
    }
}

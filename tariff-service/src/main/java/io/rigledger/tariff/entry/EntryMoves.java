package io.rigledger.tariff.entry;

import io.rigledger.platform.validation.CountryCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The bodies of the lifecycle operations under /api/entries/{id} (contract schemas of the same names). USD, two decimals. */
public interface EntryMoves {

    String MONEY_MAX = SummaryInput.MONEY_MAX;
    String TEXT = "^[^\\p{Cc}]*$";

    /** A deposit of duty and fees (ACH statement): amount, date paid, ACH reference. */
    record NewPayment(
            @NotNull @DecimalMin("0.01") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal amount,
            @NotNull LocalDate paidOn,
            @NotNull @Pattern(regexp = "^[A-Za-z0-9-]{1,30}$", message = "must be 1 to 30 letters, digits or hyphens") String achReference) {
    }

    /**
     * Liquidation (19 U.S.C. 1504): the date and the final amount of each layer and fee; a layer or fee
     * left out is liquidated as declared. More than declared is a supplementary bill, less a refund due.
     */
    record NewLiquidation(
            @NotNull LocalDate liquidationDate,
            @NotNull @Size(min = 1, max = 1000) @Pattern(regexp = TEXT, message = "must not contain control characters") String reason,
            @Size(max = 50) List<@NotNull @Valid FinalLayer> layers) {
    }

    /** One liquidated amount: program (or MPF, HMF), heading (empty for fees), USD. */
    record FinalLayer(
            @NotNull @Pattern(regexp = "^(" + SummaryInput.PROGRAMS + "|MPF|HMF)$", message = "must be a program, MPF or HMF") String program,
            @NotNull @Pattern(regexp = "^(\\d{4}\\.\\d{2}(\\.\\d{2}(\\d{2})?)?)?$", message = "must be a dotted heading, or empty for a fee") String heading,
            @NotNull @DecimalMin("0") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    /** A protest (CBP Form 19, 19 U.S.C. 1514): when filed, its number, why. */
    record NewProtest(
            @NotNull LocalDate filedOn,
            @NotNull @Pattern(regexp = "^[0-9]{4}-?[0-9]{2}-?[0-9]{6}$", message = "must be a protest number such as 2704-26-123456") String protestNumber,
            @NotNull @Size(min = 1, max = 1000) @Pattern(regexp = TEXT, message = "must not contain control characters") String reason) {
    }

    /**
     * The end of the protest window or CBP's decision on the protest: the entry is finally liquidated. {@code layers} (ALLOWED
     * only) is the reliquidation CBP made on granting the protest (19 U.S.C. 1515(a)): each layer's or fee's final amount, USD.
     */
    record FinalLiquidation(
            @NotNull LocalDate decidedOn,
            @NotNull @Pattern(regexp = "^(ALLOWED|DENIED|NO_PROTEST)$", message = "must be one of ALLOWED, DENIED, NO_PROTEST") String decision,
            @NotNull @Size(min = 1, max = 1000) @Pattern(regexp = TEXT, message = "must not contain control characters") String reason,
            @Size(max = 50) List<@NotNull @Valid FinalLayer> layers) {
    }

    /**
     * A refund claim: CAPE (IEEPA duty, 19 U.S.C. 1505(c)), the refund due from liquidation (LIQUIDATION), from an
     * origin audit that lowered the duty (ORIGIN_AUDIT, 19 U.S.C. 1520(a)(1)) or from a protest CBP allowed (PROTEST,
     * 19 U.S.C. 1514, 1515(a)); {@code amount} (optional, USD) the total claimed, at most what may be claimed
     * ({@link RefundClaims#claimable}).
     */
    record RefundRequest(
            @NotNull LocalDate requestedOn,
            @NotNull @Pattern(regexp = "^(CAPE|LIQUIDATION|ORIGIN_AUDIT|PROTEST)$", message = "must be CAPE, LIQUIDATION, ORIGIN_AUDIT or PROTEST")
            String kind,
            @NotNull @Size(min = 1, max = 1000) @Pattern(regexp = TEXT, message = "must not contain control characters") String reason,
            @DecimalMin("0.01") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    /**
     * A refund received: principal and interest (19 U.S.C. 1505(c)) apart, the date, CBP's reference, and the claim it
     * answers (its number on the entry; optional while only one claim is open), and optionally the principal per claimed
     * heading as CBP's notice gives it ({@code headings}).
     */
    record RefundReceived(
            @NotNull LocalDate receivedOn,
            @NotNull @DecimalMin("0") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal principal,
            @NotNull @DecimalMin("0") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal interest,
            @NotNull @Pattern(regexp = "^[A-Za-z0-9-]{1,30}$", message = "must be 1 to 30 letters, digits or hyphens") String reference,
            @Min(1) @Max(1000) Integer claim,
            @Size(max = 100) List<@NotNull @Valid HeadingPrincipal> headings) {
    }

    /** The principal received on one claimed heading (a fee by its program), USD. */
    record HeadingPrincipal(
            @NotNull @Size(min = 1, max = 12) String heading,
            @NotNull @DecimalMin("0") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal amount) {
    }

    /** CBP's origin audit: the origin it asserts, the notice date, interest as CBP billed it, why. */
    record NewOriginAudit(
            @NotNull @CountryCode String assertedOrigin,
            @NotNull LocalDate noticeDate,
            @NotNull @DecimalMin("0") @DecimalMax(MONEY_MAX) @Digits(integer = 13, fraction = 2) BigDecimal interest,
            @NotNull @Size(min = 1, max = 1000) @Pattern(regexp = TEXT, message = "must not contain control characters") String reason) {
    }
}

package io.rigledger.inventory.place;

import io.rigledger.inventory.Formats;
import io.rigledger.platform.validation.UsState;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;

import java.math.BigDecimal;
import java.util.List;

/** The contract's site and rack shapes (schemas Site, SiteChange, SitePage, Rack, RackChange, RackList). */
public final class PlaceViews {

    public static final String CODE = "^[A-Z0-9]+(-[A-Z0-9]+)*$";
    public static final String CODE_MESSAGE = "must be a code such as DAL1";

    private PlaceViews() {
    }

    /** A site with its capacity and the nameplate power of its DEPLOYED rigs, both kW. */
    public record SiteView(String code, String name, String state, BigDecimal capacityKw, BigDecimal powerInUseKw) {
    }

    /** Schema SitePage. */
    public record SitePage(List<SiteView> items, String nextCursor) {
    }

    /**
     * The body of PUT /api/sites/{site}: capacity in kW with at most three decimals (the column is numeric(12, 3);
     * more decimals are refused rather than rounded, so 0.0001 is 400, not a rounded 0). capacityOverride lets the capacity go below the power in
     * use (recorded in the site's history with the reason); without it that is 409.
     */
    public record SiteChange(
            @NotNull @CodePointLength(min = 1, max = 128, message = Formats.LENGTH_MESSAGE) String name,
            @NotNull @UsState String state,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000") @Digits(integer = 8, fraction = 3)
            BigDecimal capacityKw,
            Boolean capacityOverride,
            @CodePointLength(min = 1, max = 500, message = Formats.LENGTH_MESSAGE) String reason) {
    }

    /** One capacity change of a site (schema SiteEvent): kW before (absent at creation) and after, power in use. */
    public record SiteEventView(String at, String actor, BigDecimal capacityKwFrom, BigDecimal capacityKwTo,
                                BigDecimal powerInUseKw, boolean capacityOverride, String reason) {
    }

    /** Schema SiteHistory: oldest first, keyset-paged. */
    public record SiteHistory(List<SiteEventView> items, String nextCursor) {
    }

    /** A rack with how many of its slots hold a rig. */
    public record RackView(String site, String row, String code, int slots, int occupied) {
    }

    /** Schema RackList. */
    public record RackList(List<RackView> items) {
    }

    /** The body of PUT /api/sites/{site}/racks/{rack}. */
    public record RackChange(
            @NotNull @Size(max = 32) @Pattern(regexp = CODE, message = CODE_MESSAGE) String row,
            @NotNull @Min(1) @Max(1000) Integer slots) {
    }
}

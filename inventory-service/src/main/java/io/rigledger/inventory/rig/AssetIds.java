package io.rigledger.inventory.rig;

import io.rigledger.platform.problem.Problems;

import java.util.regex.Pattern;

/**
 * Asset ids: the service issues one per rig from a database identity and shows it as
 * {@code RIG-} followed by at least nine digits (schema AssetId), so ids sort the way they were issued.
 * Each id has one spelling: RIG-0000000001 (a tenth digit as a leading zero) is refused, not read as
 * RIG-000000001.
 */
public final class AssetIds {

    /** Nine digits (zero-padded) or more without a leading zero: one spelling per asset id. */
    public static final String PATTERN = "^RIG-([0-9]{9}|[1-9][0-9]{9,17})$";
    public static final String MESSAGE = "must be an asset id such as RIG-000000001 (nine digits, more only without leading zeros)";
    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    private AssetIds() {
    }

    /** 1 becomes RIG-000000001. */
    public static String format(long id) {
        return String.format("RIG-%09d", id);
    }

    /**
     * The number inside an asset id.
     *
     * @throws io.rigledger.platform.problem.ProblemException 400 naming {@code field} when malformed
     */
    public static long parse(String assetId, String field) {
        if (assetId == null || !FORMAT.matcher(assetId).matches()) {
            throw Problems.badRequest(field, MESSAGE);
        }
        return Long.parseLong(assetId.substring(4));
    }
}

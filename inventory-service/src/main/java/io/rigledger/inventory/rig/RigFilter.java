package io.rigledger.inventory.rig;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The filters of listRigs and exportRigs, combined with AND. A site is named by code and resolved
 * within the organisation (another organisation's site matches nothing); a rack (listRigs) by its code
 * within that site (index rig_one_per_position leads with rack_id); mac is normalised, matches
 * the rig holding it now (never a RETIRED rig, which holds no MAC; index rig_current_mac_unique_per_org)
 * and "no MAC" matches nothing.
 */
public record RigFilter(String site, String rack, RigStatus status, String manufacturer, String model, String originCountry,
                        UUID purchaseOrderId, String serialNumber, String mac, boolean noMacAsked) {

    /** SQL condition over rig r for this filter, parameters appended to {@code params}; starts with the org. */
    String where(String org, List<Object> params) {
        StringBuilder sql = new StringBuilder("r.org = ?");
        params.add(org);
        if (noMacAsked) {
            sql.append(" and false");
        }
        if (site != null) {
            sql.append(" and r.site_id = (select s2.id from site s2 where s2.org = ? and s2.code = ?)");
            params.add(org);
            params.add(site);
        }
        if (rack != null) {
            sql.append(" and r.rack_id = (select k.id from rack k join site s3 on s3.id = k.site_id"
                    + " where s3.org = ? and s3.code = ? and k.code = ?)");
            params.add(org);
            params.add(site);
            params.add(rack);
        }
        add(sql, params, "r.status", status == null ? null : status.name());
        add(sql, params, "r.manufacturer", manufacturer);
        add(sql, params, "r.model_code", model);
        add(sql, params, "r.origin_country", originCountry);
        add(sql, params, "r.purchase_order_id", purchaseOrderId);
        add(sql, params, "r.serial_number", serialNumber);
        if (mac != null) { // the current holder only: a RETIRED rig keeps its last MAC for the record but holds none
            sql.append(" and r.mac = ? and r.status <> 'RETIRED'");
            params.add(mac);
        }
        return sql.toString();
    }

    private static void add(StringBuilder sql, List<Object> params, String column, Object value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }

    /**
     * What a listRigs cursor is bound to: this filter, as parsed (so "aa:bb:.." and "AA:BB:.." are one
     * filter); a cursor issued under another filter is 400 naming cursor.
     */
    public String scope() {
        return "rigs?" + this;
    }

    /** This filter, also to the rack coded {@code code} (null: any) of its site. */
    RigFilter inRack(String code) {
        return new RigFilter(site, code, status, manufacturer, model, originCountry, purchaseOrderId, serialNumber, mac, noMacAsked);
    }

    /** No filter at all. */
    public static RigFilter none() {
        return new RigFilter(null, null, null, null, null, null, null, null, null, false);
    }

    static List<Object> params() {
        return new ArrayList<>();
    }
}

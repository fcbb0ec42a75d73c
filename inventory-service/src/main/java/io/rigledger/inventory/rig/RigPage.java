package io.rigledger.inventory.rig;

import java.util.List;

/** One page of listRigs (schema RigPage); nextCursor is absent on the last page. */
public record RigPage(List<RigView> items, String nextCursor) {
}

package io.rigledger.inventory.rig;

import java.util.List;

/** The answer of registerRigs (schema RigList): the new rigs in request order. */
public record RigList(List<RigView> items) {
}

package io.rigledger.console.fleet;

import io.quarkus.qute.TemplateExtension;
import io.rigledger.console.upstream.inventory.model.RigState;

import java.util.ArrayList;
import java.util.List;

/** How the rig history prints the part of a rig an event changed ({@code {event.from.describe}}). */
@TemplateExtension
public final class RigStates {

    private RigStates() {
    }

    /** e.g. {@code DEPLOYED at DAL1 A/R01 slot 3}; empty for no state. */
    static String describe(RigState state) {
        if (state == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (state.getStatus() != null) {
            parts.add(state.getStatus().toString());
        }
        if (state.getPosition() != null) {
            parts.add("at " + state.getPosition().getSite() + " " + state.getPosition().getRow() + "/"
                    + state.getPosition().getRack() + " slot " + state.getPosition().getSlot());
        }
        if (state.getMac() != null) {
            parts.add("MAC " + state.getMac());
        }
        if (state.getRmaTicket() != null) {
            parts.add("RMA " + state.getRmaTicket());
        }
        if (state.getLandedCost() != null) {
            parts.add("landed cost " + state.getLandedCost().getPrice().add(state.getLandedCost().getDuty())
                    .add(state.getLandedCost().getFees()).toPlainString() + " USD");
        }
        return String.join(", ", parts);
    }
}

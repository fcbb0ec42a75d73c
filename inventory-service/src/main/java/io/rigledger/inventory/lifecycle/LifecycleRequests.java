package io.rigledger.inventory.lifecycle;

import io.rigledger.inventory.Formats;
import io.rigledger.inventory.place.PlaceViews;
import io.rigledger.inventory.rig.AssetIds;
import io.rigledger.inventory.rig.LandedCostView;
import io.rigledger.inventory.rig.Macs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.CodePointLength;

import java.util.List;

/** Request bodies of the lifecycle operations (schemas Transition, Deployment, MacChange, ...). */
public final class LifecycleRequests {

    private LifecycleRequests() {
    }

    /** A slot of a rack at a site (schema Position); slot 1..1000, checked against the rack's size. */
    public record Position(
            @NotNull @Size(max = 32) @Pattern(regexp = PlaceViews.CODE, message = PlaceViews.CODE_MESSAGE) String site,
            @NotNull @Size(max = 32) @Pattern(regexp = PlaceViews.CODE, message = PlaceViews.CODE_MESSAGE) String rack,
            @NotNull @Min(1) @Max(1000) Integer slot) {
    }

    /** Body of transitionRig: the target status, a position to deploy to, an RMA ticket, a reason. */
    public record Transition(
            @NotNull String to,
            @Valid Position position,
            @CodePointLength(min = 1, max = 500, message = Formats.LENGTH_MESSAGE) String rmaTicket,
            @CodePointLength(min = 1, max = 500, message = Formats.LENGTH_MESSAGE) String reason,
            Boolean capacityOverride) {
    }

    /** One rig to one position (schema Placement). */
    public record Placement(
            @NotNull @Pattern(regexp = AssetIds.PATTERN, message = AssetIds.MESSAGE) String rig,
            @NotNull @Valid Position position) {
    }

    /** Body of deployRigs: 1..1000 placements, all or nothing. */
    public record Deployment(
            @NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid Placement> placements,
            @CodePointLength(min = 1, max = 500, message = Formats.LENGTH_MESSAGE) String reason,
            Boolean capacityOverride) {
    }

    /** Body of setRigMac: mac absent or all zeros means "no MAC". */
    public record MacChange(
            @Pattern(regexp = Macs.PATTERN, message = Macs.MESSAGE) String mac,
            @CodePointLength(min = 1, max = 500, message = Formats.LENGTH_MESSAGE) String reason) {
    }

    /** Body of setRigLandedCost (USD); organisation is required for service accounts. */
    public record LandedCostChange(
            @Size(max = Formats.ORGANISATION_MAX) @Pattern(regexp = Formats.ORGANISATION, message = Formats.ORGANISATION_MESSAGE)
            String organisation,
            @NotNull @Valid LandedCostView landedCost,
            @CodePointLength(min = 1, max = 500, message = Formats.LENGTH_MESSAGE) String reason) {
    }

    /** Body of putSiteIntoMaintenance. */
    public record Reason(@NotNull @CodePointLength(min = 1, max = 500, message = Formats.LENGTH_MESSAGE) String reason) {
    }

    /** Answer of putSiteIntoMaintenance: how many rigs changed state. */
    public record Changed(int changed) {
    }
}

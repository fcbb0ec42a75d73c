package io.rigledger.inventory.rig;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of POST /api/rigs (schema RigRegistration): 1..1000 rigs, all or nothing. */
public record RigRegistration(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid NewRig> rigs) {
}

package io.rigledger.inventory.catalogue;

import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Manufacturers and plants: shared by all organisations, readable by every role, written by admins. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"operator", "finance", "ops", "admin", "service"})
public class CatalogueResource {

    @Inject
    PlantCatalogue catalogue;

    @GET
    @Path("/manufacturers")
    public ManufacturerView.Items listManufacturers() {
        return new ManufacturerView.Items(catalogue.manufacturers().stream().map(ManufacturerView::of).toList());
    }

    @GET
    @Path("/plants")
    public PlantView.Items listPlants() {
        return new PlantView.Items(catalogue.plants().stream().map(PlantView::of).toList());
    }

    @GET
    @Path("/plants/{code}")
    public PlantView getPlant(@PathParam("code") @Size(max = 32)
            @Pattern(regexp = CatalogueFormats.PLANT, message = CatalogueFormats.PLANT_MESSAGE) String code) {
        return catalogue.find(code).map(PlantView::of).orElseThrow(() -> Problems.notFound("plant", code));
    }

    @PUT
    @Path("/plants/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public PlantView putPlant(@PathParam("code") @Size(max = 32)
            @Pattern(regexp = CatalogueFormats.PLANT, message = CatalogueFormats.PLANT_MESSAGE) String code,
            @NotNull @Valid PlantChange body) {
        return PlantView.of(catalogue.put(code, body));
    }
}

package io.rigledger.inventory.rig;

import io.rigledger.inventory.Formats;
import io.rigledger.inventory.access.Tenant;
import io.rigledger.inventory.catalogue.CatalogueFormats;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.paging.CursorKey;
import io.rigledger.platform.paging.CursorScope;
import io.rigledger.platform.paging.Paging;
import io.rigledger.platform.problem.Problems;
import io.rigledger.platform.validation.CountryCode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** The rigs of an organisation: registration, lookup, listing and CSV export. */
@Path("/api/rigs")
@Produces(MediaType.APPLICATION_JSON)
public class RigResource {

    static final String PLACE_CODE = "^[A-Z0-9]+(-[A-Z0-9]+)*$";
    static final String PLACE_MESSAGE = "must be a code such as DAL1";

    @Inject
    RigRegistrar registrar;

    @Inject
    RigReads reads;

    @Inject
    OrderReferences references;

    @Inject
    Tenant tenant;

    @Inject
    Paging paging;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"operator", "ops"})
    public RestResponse<RigView.Items> registerRigs(@NotNull @Valid RigRegistration body) {
        String org = tenant.org();
        // before the registration's transaction: this may ask procurement-service
        references.check(org, false, body.rigs());
        List<Long> ids = registrar.registerAll(org, tenant.actor(), body.rigs());
        return RestResponse.status(RestResponse.Status.CREATED, new RigView.Items(reads.all(org, ids)));
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"service", "ops"})
    public RigBatch.Result registerRigBatch(@NotNull @Valid RigBatch body) {
        String org = tenant.orgNamedOr(body.organisation(), "organisation");
        references.check(org, tenant.isServiceAccount(), body.rigs());
        return registrar.registerBatch(org, tenant.actor(), body.rigs());
    }

    @GET
    @RolesAllowed({"operator", "finance", "ops", "service"})
    public RigView.Page listRigs(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("site") @Size(max = 32) @Pattern(regexp = PLACE_CODE, message = PLACE_MESSAGE) String site,
            @QueryParam("rack") @Size(max = 32) @Pattern(regexp = PLACE_CODE, message = PLACE_MESSAGE) String rack,
            @QueryParam("status") String status,
            @QueryParam("manufacturer") @Size(max = 16)
            @Pattern(regexp = CatalogueFormats.MANUFACTURER, message = CatalogueFormats.MANUFACTURER_MESSAGE) String manufacturer,
            @QueryParam("model") @Size(max = Formats.MODEL_CODE_MAX)
            @Pattern(regexp = Formats.MODEL_CODE, message = Formats.MODEL_CODE_MESSAGE) String model,
            @QueryParam("originCountry") @CountryCode String originCountry,
            @QueryParam("purchaseOrderId") String purchaseOrderId,
            @QueryParam("serialNumber") @Size(min = 1, max = 64)
            @Pattern(regexp = Formats.SERIAL_NUMBER, message = Formats.SERIAL_NUMBER_MESSAGE) String serialNumber,
            @QueryParam("mac") @Pattern(regexp = Macs.PATTERN, message = Macs.MESSAGE) String mac,
            @QueryParam("organisation") @Size(max = Formats.ORGANISATION_MAX)
            @Pattern(regexp = Formats.ORGANISATION, message = Formats.ORGANISATION_MESSAGE)
            String organisation) {
        // a service account (procurement-service, looking up a serial it ships again) names the organisation
        String org = tenant.orgNamedOr(organisation, "organisation");
        int size = paging.limit(limit);
        if (rack != null && site == null) {
            throw Problems.badRequest("rack", "needs site: a rack code is unique within its site");
        }
        RigFilter filter = filter(site, status, manufacturer, model, originCountry, purchaseOrderId, serialNumber, mac)
                .inRack(rack);
        CursorScope scope = CursorScope.of(org, "rigs", filter.scope());
        CursorKey cursorKey = paging.after(cursor, 1, scope);
        Long after = cursorKey == null ? null : cursorKey.number(0);
        List<RigView> rows = reads.page(org, filter, after, size + 1);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = paging.cursor(scope, Long.toString(AssetIds.parse(rows.get(size - 1).id(), "id")));
        }
        return new RigView.Page(rows, next);
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({"operator", "finance", "ops"})
    public RestResponse<StreamingOutput> exportRigs(
            @QueryParam("site") @Size(max = 32) @Pattern(regexp = PLACE_CODE, message = PLACE_MESSAGE) String site,
            @QueryParam("status") String status,
            @QueryParam("manufacturer") @Size(max = 16)
            @Pattern(regexp = CatalogueFormats.MANUFACTURER, message = CatalogueFormats.MANUFACTURER_MESSAGE) String manufacturer,
            @QueryParam("model") @Size(max = Formats.MODEL_CODE_MAX)
            @Pattern(regexp = Formats.MODEL_CODE, message = Formats.MODEL_CODE_MESSAGE) String model,
            @QueryParam("originCountry") @CountryCode String originCountry,
            @QueryParam("purchaseOrderId") String purchaseOrderId) {
        String org = tenant.org();
        RigFilter filter = filter(site, status, manufacturer, model, originCountry, purchaseOrderId, null, null);
        StreamingOutput csv = out -> {
            try (RigCsv writer = new RigCsv(out)) {
                reads.stream(org, filter, writer::write);
            }
        };
        return RestResponse.ResponseBuilder.ok(csv, "text/csv")
                .header("Content-Disposition", "attachment; filename=\"rigs.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "finance", "ops"})
    public RigView getRig(@PathParam("id") String id) {
        String org = tenant.org();
        long number = AssetIds.parse(id, "id");
        // another organisation's rig is answered exactly like one that does not exist
        return reads.find(org, number).orElseThrow(() -> Problems.notFound("rig", id));
    }

    /** Query values the contract types as enum or uuid: parsed here so a bad one is a 400 naming it. */
    static RigFilter filter(String site, String status, String manufacturer, String model, String originCountry,
                            String purchaseOrderId, String serialNumber, String mac) {
        RigStatus parsedStatus = null;
        if (status != null) {
            try {
                parsedStatus = RigStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw Problems.badRequest("status", "must be one of RECEIVED, DEPLOYED, MAINTENANCE, RMA, RETIRED");
            }
        }
        UUID order = purchaseOrderId == null ? null : Params.uuid("purchaseOrderId", purchaseOrderId);
        String normalMac = Macs.normalise(mac);
        return new RigFilter(site, null, parsedStatus, manufacturer, model, originCountry, order, serialNumber, normalMac,
                mac != null && normalMac == null);
    }
}

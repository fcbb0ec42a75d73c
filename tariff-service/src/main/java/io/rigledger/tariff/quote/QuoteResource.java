package io.rigledger.tariff.quote;

import io.quarkus.security.identity.SecurityIdentity;
import io.rigledger.platform.http.Params;
import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * POST /api/duty-quotes (quote and store) and GET /api/duty-quotes/{id} (the same body again).
 * POST /api/duty-quotes/what-if (re-quote, nothing saved). Roles: operator, finance, admin,
 * service. Ownership: {@link QuoteOwner}.
 */
@Path("/api/duty-quotes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class QuoteResource {

    @Inject
    QuoteService quotes;

    @Inject
    WhatIfService whatIfs;

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    /**
     * 201 with the stored quote's body and its Location, answered once the quote is committed. Runs on
     * the I/O thread (parsing, the engine and JSON are CPU only, the schedule is in memory) and holds
     * no thread while the commit is on its way: the answer is written when the group commit completes.
     * Location is the request's absolute path and the id (a UUID needs no encoding), without a
     * UriBuilder parsed per quote.
     */
    @POST
    @RolesAllowed({"operator", "finance", "admin", "service"})
    public CompletionStage<Response> create(@NotNull @Valid NewDutyQuote body,
                                            @HeaderParam(QuoteOwner.ON_BEHALF_OF) String onBehalfOf, UriInfo uri) {
        String path = uri.getAbsolutePath().toString();
        String base = path.endsWith("/") ? path : path + "/";
        return quotes.quote(body, QuoteOwner.of(token, identity, onBehalfOf))
                .thenApply(stored -> Response.created(URI.create(base + stored.id()))
                        .entity(stored.body()).type(MediaType.APPLICATION_JSON).build());
    }

    /** Re-quotes stored or inline lines on another date and/or draft measures; saves nothing. */
    @POST
    @Path("/what-if")
    @RolesAllowed({"operator", "finance", "admin", "service"})
    public WhatIfView whatIf(@NotNull @Valid WhatIfRequest body, @HeaderParam(QuoteOwner.ON_BEHALF_OF) String onBehalfOf) {
        return whatIfs.whatIf(body, QuoteOwner.of(token, identity, onBehalfOf));
    }

    /** The stored quote, byte for byte; 404 for a missing id and for another organisation's; 400 naming id when it is no UUID. */
    @GET
    @Path("/{id}")
    @RolesAllowed({"operator", "finance", "admin", "service"})
    public Response get(@PathParam("id") String id, @HeaderParam(QuoteOwner.ON_BEHALF_OF) String onBehalfOf) {
        UUID quoteId = Params.uuid("id", id);
        StoredQuote quote = quotes.find(quoteId, QuoteOwner.of(token, identity, onBehalfOf))
                .orElseThrow(() -> Problems.notFound("duty quote", quoteId));
        return Response.ok(quote.body, MediaType.APPLICATION_JSON).build();
    }
}

package io.rigledger.procurement.order;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.problem.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The open orders re-priced on another date of entry (contract: procurement.yaml, whatIfPurchaseOrders). */
@Path("/api/purchase-orders/what-if")
@Produces(MediaType.APPLICATION_JSON)
public class WhatIfResource {

    @Inject
    OrderWhatIf whatIf;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({"operator", "finance"})
    public WhatIfView whatIf(@QueryParam("entryDate") String entryDate) {
        String org = caller.org();
        return whatIf.reprice(org, date(entryDate));
    }

    private static LocalDate date(String value) {
        if (value == null) {
            throw Problems.badRequest("entryDate", "is required: the date of entry to re-price on, such as 2027-01-15");
        }
        try {
            LocalDate d = LocalDate.parse(value);
            if (d.getYear() < 1900 || d.getYear() > 2199) {
                throw Problems.badRequest("entryDate", "must be a date from 1900 to 2199");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw Problems.badRequest("entryDate", "must be an ISO-8601 date such as 2027-01-15");
        }
    }
}

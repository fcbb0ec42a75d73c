package io.rigledger.platform.caller;

import io.rigledger.platform.problem.Problems;

/**
 * The organisation whose data a caller works on: a person's token claim {@code org}; a service
 * account (role service, no organisation of its own) names it in the request header
 * {@value #HEADER}, which is honoured for role service only (a person's header is ignored).
 * Shared by every service whose contract lets role service call an organisation's operation.
 */
public final class OnBehalfOf {

    /** The request header a service account names the organisation in. */
    public static final String HEADER = "X-On-Behalf-Of-Org";

    private OnBehalfOf() {
    }

    /**
     * The organisation {@code caller} acts for.
     *
     * @param header the value of {@value #HEADER}, or null
     * @throws io.rigledger.platform.problem.ProblemException 400 naming the header when a service sends
     *         none or a malformed one; 403 when a person's token names no organisation
     */
    public static String org(Caller caller, String header) {
        if (caller.hasRole("service")) {
            if (header == null || !Organisations.isValid(header)) {
                throw Problems.badRequest(HEADER, "a service account must name the organisation it acts for ("
                        + Organisations.RULE + ")");
            }
            return header;
        }
        return caller.org();
    }
}

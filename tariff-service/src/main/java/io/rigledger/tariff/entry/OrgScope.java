package io.rigledger.tariff.entry;

import io.rigledger.platform.caller.Caller;
import io.rigledger.platform.caller.OnBehalfOf;

/**
 * The organisation whose entries a caller works on: a person's token claim {@code org}; a service
 * account (role service, no organisation of its own) names it in {@value #ON_BEHALF_OF}, which is
 * honoured for role service only (the rule is the platform's {@link OnBehalfOf}).
 */
public final class OrgScope {

    public static final String ON_BEHALF_OF = OnBehalfOf.HEADER;

    private OrgScope() {
    }

    /**
     * @throws io.rigledger.platform.problem.ProblemException 400 naming the header when a service sends
     *         none or a malformed one; 403 when a person's token names no organisation
     */
    public static String of(Caller caller, String onBehalfOf) {
        return OnBehalfOf.org(caller, onBehalfOf);
    }
}

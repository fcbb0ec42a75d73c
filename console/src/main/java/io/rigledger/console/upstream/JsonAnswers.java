package io.rigledger.console.upstream;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * getReconciliation answers JSON or CSV, and its generated method lists both in Accept although it
 * reads the answer as the JSON model; this asks for JSON (and problem+json) only, so tariff-service
 * never picks CSV for it. The CSV goes through {@link Downloads}.
 */
public class JsonAnswers implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains("text/csv") && accept.contains(MediaType.APPLICATION_JSON)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON + ", application/problem+json");
        }
    }
}

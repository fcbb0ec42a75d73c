package io.rigledger.tariff.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rigledger.platform.idempotency.Answer;
import io.rigledger.platform.idempotency.Claim;
import io.rigledger.platform.idempotency.Idempotency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The answers of the entry POSTs (file an entry, record a payment, a correction, a liquidation, a
 * protest, a final liquidation, a refund claim, a refund received, an origin audit) under the
 * optional Idempotency-Key, with the platform's {@link Idempotency}: the step and the record of its
 * answer commit in ONE transaction, so when PostgreSQL's confirmation of the COMMIT is lost (503
 * outcome-unknown) both or neither were stored, and the retry with the same key answers the stored
 * entry ({@code Idempotent-Replayed: true}) or does the step once. The same key with another body
 * (or another step) is 422 naming Idempotency-Key, nothing written; keys are per organisation (a
 * service account's: the organisation it names in X-On-Behalf-Of-Org); kept rigledger.idempotency.ttl.
 */
@ApplicationScoped
public class EntryAnswers {

    private final Idempotency idempotency;
    private final ObjectMapper json;

    EntryAnswers(Idempotency idempotency, ObjectMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    /**
     * 200 with the entry after {@code step}, or the stored answer of an earlier request with the same key.
     *
     * @param org  the organisation the step is for (the key's scope)
     * @param key  the Idempotency-Key header, or null
     * @param body the parsed request body (fingerprinted with the method and path)
     * @param step the service call; it joins the transaction that records the answer
     * @throws io.rigledger.platform.problem.ProblemException 400 for a malformed key, 422 naming
     *         Idempotency-Key when it was used for another request, and whatever the step raises
     */
    public RestResponse<String> step(String org, String key, UriInfo uri, Object body, Supplier<EntryView> step) {
        return once(org, key, uri, body, 200, step, view -> null);
    }

    /** 201 with the new entry and its Location, or the stored answer of an earlier request with the same key (as {@link #step}). */
    public RestResponse<String> created(String org, String key, UriInfo uri, Object body, Supplier<EntryView> step) {
        return once(org, key, uri, body, 201, step,
                view -> uri.getAbsolutePathBuilder().path(view.id().toString()).build().toString());
    }

    private RestResponse<String> once(String org, String key, UriInfo uri, Object body, int status,
                                      Supplier<EntryView> step, Function<EntryView, String> location) {
        Claim claim = idempotency.claim(org, key, "POST", uri.getPath(), body);
        return idempotency.once(claim, c -> idempotency.recorded(c, () -> {
            EntryView view = step.get();
            return Answer.of(json, status, view, location.apply(view), null);
        })).toResponse();
    }
}

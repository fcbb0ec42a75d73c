package io.rigledger.inventory.upstream;

import io.quarkus.cache.CacheResult;
import io.rigledger.inventory.upstream.procurement.api.PurchaseOrdersApi;
import io.rigledger.inventory.upstream.procurement.model.OrderLine;
import io.rigledger.inventory.upstream.procurement.model.PurchaseOrder;
import io.rigledger.platform.problem.UpstreamUnavailableException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * procurement-service's purchase orders (operation getPurchaseOrder), through the client generated from
 * procurement.yaml, with the caller's own token: procurement answers only orders of the token's organisation
 * and 404 for any other id, so "not yours" and "does not exist" are one answer. A read: retried when
 * procurement-service is unavailable, behind a circuit breaker; verified orders are cached per (organisation,
 * order) for {@code rigledger.inventory.upstream.order-cache-ttl}; a refusal is not cached (it is an exception).
 * Retry and breaker values: {@code quarkus.fault-tolerance."io.rigledger.inventory.upstream.PurchaseOrders/lineNumbers".*};
 * timeouts: {@code rigledger.inventory.upstream.*}.
 */
@ApplicationScoped
public class PurchaseOrders {

    public static final String SERVICE = "procurement-service";

    private static final Logger LOG = Logger.getLogger(PurchaseOrders.class);
    private static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    @Inject
    @RestClient
    PurchaseOrdersApi orders;

    /**
     * The line numbers of the caller's order {@code id}.
     *
     * @param org the caller's organisation: part of the cache key only (the token names it to procurement)
     * @param id  the purchase order
     * @return the order's line numbers (1-based)
     * @throws UnknownOrderException when procurement-service has no such order for the caller's organisation
     * @throws UpstreamUnavailableException when it cannot be reached, times out, fails or refuses the token
     */
    @CacheResult(cacheName = "purchase-order-lines")
    @Retry(retryOn = UpstreamUnavailableException.class)
    @CircuitBreaker(failOn = UpstreamUnavailableException.class)
    @CircuitBreakerName("procurement-get-purchase-order")
    public Set<Integer> lineNumbers(String org, UUID id) {
        PurchaseOrder order;
        try {
            order = orders.getPurchaseOrder(id, null); // the caller is a person: no X-On-Behalf-Of-Org
        } catch (WebApplicationException e) {
            Response r = e.getResponse();
            int status = r == null ? 0 : r.getStatus();
            if (status == 404 && r.getMediaType() != null && PROBLEM_JSON.isCompatible(r.getMediaType())) {
                throw new UnknownOrderException(id);
            }
            if (status == 401 || status == 403) {
                LOG.errorf("%s refused the caller's token on getPurchaseOrder (HTTP %d): check the realm's audience"
                        + " mappers give person tokens the audience %s", SERVICE, status, SERVICE);
            } else {
                LOG.warnf("%s failed on getPurchaseOrder: HTTP %d", SERVICE, status);
            }
            throw new UpstreamUnavailableException(SERVICE);
        } catch (RuntimeException e) {
            LOG.warnf("%s could not be reached on getPurchaseOrder: %s", SERVICE, e);
            throw new UpstreamUnavailableException(SERVICE);
        }
        if (order == null || !id.equals(order.getId()) || order.getLines() == null) {
            LOG.warnf("%s answered getPurchaseOrder %s with another order or none", SERVICE, id);
            throw new UpstreamUnavailableException(SERVICE);
        }
        return order.getLines().stream().map(OrderLine::getLineNumber).filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** procurement-service has no such order for the caller's organisation (its 404): the caller's reference is wrong. */
    public static class UnknownOrderException extends RuntimeException {

        public UnknownOrderException(UUID id) {
            super("no purchase order " + id + " for the caller's organisation", null, false, false);
        }
    }
}

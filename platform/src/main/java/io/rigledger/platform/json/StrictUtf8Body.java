package io.rigledger.platform.json;

import io.quarkus.runtime.configuration.MemorySize;
import io.rigledger.platform.http.JsonBodies;
import io.rigledger.platform.problem.ProblemException;
import io.rigledger.platform.problem.ProblemKind;
import io.rigledger.platform.problem.Problems;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerHttpRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Reads a JSON request body whole on the event loop, then refuses it when it is not strict UTF-8
 * ({@link Utf8}) with 400 malformed, before Jackson reads it: Jackson's own decoder would accept overlong
 * sequences (C0 AF read as "/"). Then refuses an explicit null anywhere in it ({@link ExplicitNulls}), 400
 * naming the field. The checked bytes become the request's entity stream, which the resource method's body
 * parameter is bound from.
 * <p>
 * Why a request filter on the event loop rather than a ReaderInterceptor (what this was until 2026-12-01,
 * docs/orders.md "Speed"): RESTEasy Reactive reads the body of a blocking endpoint on its worker thread, which
 * then waits for the event loop to hand the body over (on a busy event loop up to hundreds of ms), and with any
 * ReaderInterceptor registered it parses the resource method's parameter annotations on every request with a
 * body. This filter runs ({@code nonBlocking}) on the event loop before a blocking method is dispatched, takes
 * the body through RESTEasy Reactive's own non-blocking read (the one it uses for non-blocking endpoints), and
 * the worker then binds from bytes in memory.
 * <p>
 * Only a POST, PUT or PATCH that carries a body whose Content-Type is JSON in UTF-8 is read
 * ({@link JsonBodies#carriesBody}, {@link JsonMedia#isReadableJson}); every other request is left as it is, and
 * {@link JsonBodies} refuses the ones with a body of another type (415). It runs after
 * matching and the endpoint's security check (401/403/404/405/415 come first) and after the pre-matching rate
 * limit. A body over {@code quarkus.http.limits.max-body-size} that declared no length (chunked) is 413;
 * a declared one is refused before any route by {@link io.rigledger.platform.http.HttpLimits}.
 */
@Singleton
public class StrictUtf8Body {

    /**
     * Before every other request filter after matching: RESTEasy Reactive refuses a non-blocking filter that
     * comes after a blocking one (the pre-matching rate limit is non-blocking too), and none needs the body first.
     */
    static final int FIRST = Integer.MIN_VALUE;

    /** quarkus.http.limits.max-body-size in bytes, read on first use (the filter is created at static init). */
    private volatile long maxBody = -1;

    /**
     * Reads and checks the body as described above; completes when the request may go on.
     *
     * @param request the matched request (a view of it: RESTEasy Reactive's own context, whose entity stream is set,
     *                is the current request's, {@link CurrentRequestManager})
     * @return a Uni completing when the body was read and passed, or failing with the ProblemException to answer:
     * 400 malformed (not UTF-8, a NUL byte), 400 naming the field of an explicit null, 413 over the body limit
     */
    @ServerRequestFilter(nonBlocking = true, priority = FIRST)
    public Uni<Void> check(ContainerRequestContext request) {
        if (!JsonBodies.carriesBody(request) || !JsonMedia.isReadableJson(JsonBodies.declaredType(request))) {
            return Uni.createFrom().voidItem();
        }
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        if (context == null) {
            // never let a body through unchecked
            throw new IllegalStateException("no current RESTEasy Reactive request to read the body of");
        }
        if (context.hasInputStream()) {
            // already read by RESTEasy Reactive (a non-blocking endpoint's body is read before its filters)
            try {
                return checked(context, context.getInputStream().readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        long limit = maxBody();
        return Uni.createFrom().<byte[]>emitter(emitter -> read(context.serverRequest(), limit, emitter::complete, emitter::fail))
                .flatMap(body -> checked(context, body));
    }

    private long maxBody() {
        long limit = maxBody;
        if (limit < 0) {
            limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                    .map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
            maxBody = limit;
        }
        return limit;
    }

    private static Uni<Void> checked(ResteasyReactiveRequestContext context, byte[] body) {
        String problem = Utf8.problemOf(body);
        if (problem != null) {
            return Uni.createFrom().failure(Problems.malformed(problem));
        }
        ProblemException nulls = ExplicitNulls.problemOf(body);
        if (nulls != null) {
            return Uni.createFrom().failure(nulls);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return Uni.createFrom().voidItem();
    }

    /**
     * Collects the body with RESTEasy Reactive's non-blocking read (event loop), as its InputHandler does for
     * non-blocking endpoints; the buffers it hands over are copied at once.
     */
    private static void read(ServerHttpRequest http, long limit, java.util.function.Consumer<byte[]> done,
                             java.util.function.Consumer<Throwable> failed) {
        if (http.isRequestEnded()) {
            http.resumeRequestInput();
            done.accept(new byte[0]);
            return;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        boolean[] over = {false};
        http.setReadListener(new ServerHttpRequest.ReadCallback() {
            @Override
            public void data(ByteBuffer data) {
                if (over[0]) {
                    return;
                }
                if (body.size() + (long) data.remaining() > limit) {
                    over[0] = true;
                    http.pauseRequestInput();
                    failed.accept(new ProblemException(ProblemKind.PAYLOAD_TOO_LARGE,
                            "the body is over " + limit + " bytes; at most " + limit + " are read", null));
                    return;
                }
                byte[] chunk = new byte[data.remaining()];
                data.get(chunk);
                body.write(chunk, 0, chunk.length);
            }

            @Override
            public void done() {
                if (!over[0]) {
                    done.accept(body.toByteArray());
                }
            }
        });
        http.resumeRequestInput();
    }
}

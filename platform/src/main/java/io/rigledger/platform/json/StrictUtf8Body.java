package io.rigledger.platform.json;

import io.rigledger.platform.problem.ProblemException;
import io.rigledger.platform.problem.Problems;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Refuses a JSON request body that is not strict UTF-8 ({@link Utf8}) with 400 malformed before
 * Jackson reads it: Jackson's own decoder would accept overlong sequences (C0 AF read as "/").
 * Then refuses an explicit null anywhere in it ({@link ExplicitNulls}), 400 naming the field.
 * The body is already bounded by quarkus.http.limits.max-body-size.
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class StrictUtf8Body implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (JsonMedia.isJson(type)) {
            byte[] body = context.getInputStream().readAllBytes();
            String problem = Utf8.problemOf(body);
            if (problem != null) {
                throw Problems.malformed(problem);
            }
            ProblemException nulls = ExplicitNulls.problemOf(body);
            if (nulls != null) {
                throw nulls;
            }
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }
}

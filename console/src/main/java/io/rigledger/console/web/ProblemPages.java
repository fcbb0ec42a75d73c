package io.rigledger.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import io.rigledger.console.upstream.ApiProblem;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/**
 * A service's refusal or failure as a page a person can read: the service, its title and detail and
 * the fields it named, with the service's status (403, 404, 409 ...; a 5xx or no answer is 502/503, with a
 * correlation id its log line carries), never a stack trace or a blank page. Sign-in failures are
 * {@link io.rigledger.console.signin.SignInFailures}'.
 */
public class ProblemPages {

    private static final Logger LOG = Logger.getLogger(ProblemPages.class);

    @Inject
    @Location("problem.html")
    Template problemPage;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        int status = problem.status() >= 500 ? (problem.status() == 503 ? 503 : 502) : problem.status();
        TemplateInstance page = problemPage.data("problem", problem).data("status", status);
        if (status >= 500) {
            String correlationId = UUID.randomUUID().toString();
            LOG.warnf("%s, correlation id %s", problem.getMessage(), correlationId);
            page.data("correlationId", correlationId);
        }
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE).build();
    }
}

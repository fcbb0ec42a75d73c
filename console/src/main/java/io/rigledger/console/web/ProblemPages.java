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

/**
 * A service's refusal or failure as a page a person can read: the service, its title and detail and
 * the fields it named, with the service's status (403, 404, 409 ...; a 5xx or no answer is 502/503),
 * never a stack trace or a blank page.
 */
public class ProblemPages {

    private static final Logger LOG = Logger.getLogger(ProblemPages.class);

    @Inject
    @Location("problem.html")
    Template problemPage;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem) {
        int status = problem.status() >= 500 ? (problem.status() == 503 ? 503 : 502) : problem.status();
        if (status >= 500) {
            LOG.warnf("%s", problem.getMessage());
        }
        TemplateInstance page = problemPage.data("problem", problem).data("status", status);
        return Response.status(status).entity(page).type(MediaType.TEXT_HTML_TYPE).build();
    }
}

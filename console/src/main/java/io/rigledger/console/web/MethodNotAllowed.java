package io.rigledger.console.web;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A page's address asked with a method it does not take (GET of the reason form's POST address, POST of a page) is the
 * console's page "Method not allowed" (405, text/html in the console's layout) with the {@code Allow} header RFC 9110
 * section 15.5.6 requires, instead of the REST layer's empty 405 without one. The methods allowed are read from the
 * console's resource classes ({@code @Path} and the method annotations; GET allows HEAD too), once.
 */
public class MethodNotAllowed {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");
    private static volatile List<Route> routes;

    @Inject
    ErrorPages errorPages;

    /** One address template of a resource method and its HTTP method. */
    private record Route(Pattern path, String method) {
    }

    /** The 405 page with {@code Allow} listing the methods the address takes. */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException refused, UriInfo uri) {
        String allow = String.join(", ", allowed(uri.getPath()));
        String html = errorPages.html(405, "Method not allowed",
                "This address takes " + allow + " only. Use the page's links and buttons, or go home.");
        return Response.status(405).header("Allow", allow).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    /** The methods (sorted; HEAD with GET) of every resource method whose address template matches {@code path}. */
    static Set<String> allowed(String path) {
        Set<String> methods = new TreeSet<>();
        String rooted = path.startsWith("/") ? path : "/" + path;
        String normalized = rooted.length() > 1 && rooted.endsWith("/") ? rooted.substring(0, rooted.length() - 1) : rooted;
        for (Route route : routes()) {
            if (route.path().matcher(normalized).matches()) {
                methods.add(route.method());
                if (route.method().equals("GET")) {
                    methods.add("HEAD");
                }
            }
        }
        return methods;
    }

    private static List<Route> routes() {
        if (routes == null) {
            List<Route> found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root == null || bean.getBeanClass().isInterface()) { // the services' REST clients are interfaces
                    continue;
                }
                for (Method m : bean.getBeanClass().getMethods()) {
                    Path sub = m.getAnnotation(Path.class);
                    for (Annotation a : m.getAnnotations()) {
                        HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
                        if (http != null) {
                            found.add(new Route(template(root.value() + "/" + (sub == null ? "" : sub.value())), http.value()));
                        }
                    }
                }
            }
            routes = List.copyOf(found);
        }
        return routes;
    }

    /** A JAX-RS address template as a pattern: each {@code {parameter}} one path segment, slashes single, none at the end. */
    private static Pattern template(String path) {
        String clean = path.replaceAll("/+", "/");
        if (clean.length() > 1 && clean.endsWith("/")) {
            clean = clean.substring(0, clean.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        var m = PARAMETER.matcher(clean);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(clean.substring(last, m.start()))).append("[^/]+");
            last = m.end();
        }
        regex.append(Pattern.quote(clean.substring(last)));
        return Pattern.compile(regex.toString());
    }
}

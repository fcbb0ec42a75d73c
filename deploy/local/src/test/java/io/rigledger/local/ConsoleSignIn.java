package io.rigledger.local;

import java.io.IOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person signing in to the console as a browser does, one request at a time with its cookies and
 * no redirect followed (java.net.http), so that a test can stop between the steps. The cookies are
 * kept by name and sent back to every request of this machine's host: Keycloak marks its own
 * {@code Secure} (SameSite=None), which a browser sends to localhost over http and the JDK's
 * CookieManager would not. The steps: the console sends
 * the browser to Keycloak's login page, the person posts name and password there, Keycloak sends the
 * browser back to the console with a code, and the console exchanges the code for tokens at
 * Keycloak's token endpoint.
 */
final class ConsoleSignIn {

    /** The sentence of the console's page while Keycloak does not answer (console's signin.SignInFailures). */
    static final String KEYCLOAK_DOWN = "The sign-in service (Keycloak) is not reachable; try again in a minute.";

    /** Keycloak's login form posts to login-actions/authenticate (HTML-escaped in the page). */
    private static final Pattern LOGIN_FORM = Pattern.compile("action=\"([^\"]*/login-actions/authenticate[^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String console;

    ConsoleSignIn(StackSettings settings) {
        this.console = settings.serviceUrl(ServiceApp.CONSOLE);
    }

    /** GET of a console page without following redirects. */
    HttpResponse<String> open(String path) throws IOException, InterruptedException {
        return get(URI.create(console + path));
    }

    /**
     * Steps one to three of a sign-in to {@code path} as {@code user} (password = user name): the
     * console's redirect to Keycloak, Keycloak's login page, the posted form.
     *
     * @return where Keycloak sends the browser back: the console's {@code path} with the code and state
     */
    URI throughKeycloak(String path, String user) throws IOException, InterruptedException {
        HttpResponse<String> toKeycloak = open(path);
        assertEquals(302, toKeycloak.statusCode(), "the console sends a new visitor to Keycloak: " + toKeycloak.body());
        HttpResponse<String> loginPage = get(location(toKeycloak));
        assertEquals(200, loginPage.statusCode(), "Keycloak's login page: " + loginPage.body());
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        assertTrue(form.find(), "Keycloak's login form: " + loginPage.body());
        String action = form.group(1).replace("&amp;", "&");
        HttpResponse<String> back = send(withCookies(HttpRequest.newBuilder(URI.create(action)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(user) + "&credentialId="))
                .build());
        assertEquals(302, back.statusCode(), "Keycloak takes " + user + "'s password: " + back.body());
        URI callback = location(back);
        assertTrue(callback.toString().startsWith(console + path) && callback.getQuery().contains("code="),
                "Keycloak sends the browser back to the console with a code: " + callback);
        return callback;
    }

    /** GET of {@code uri} with the cookies so far, no redirect followed. */
    HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return send(withCookies(HttpRequest.newBuilder(uri)).header("Accept", "text/html").GET().build());
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return request;
    }

    /** Sends {@code request} and keeps the cookies the answer sets (one already expired, as a cleared cookie is, is dropped). */
    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        for (String header : r.headers().allValues("Set-Cookie")) {
            for (HttpCookie c : HttpCookie.parse(header)) {
                if (c.hasExpired()) {
                    cookies.remove(c.getName());
                } else {
                    cookies.put(c.getName(), c.getValue());
                }
            }
        }
        return r;
    }

    /** The response's Location, resolved against its request. */
    static URI location(HttpResponse<?> r) {
        String location = r.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no Location: " + r));
        return r.uri().resolve(location);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package io.rigledger.console.upstream;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two files tariff-service makes, passed through to the browser byte for byte as they arrive
 * (never held whole in memory): the reconciliation as CSV (getReconciliation with Accept: text/csv)
 * and the CAPE files (exportCapeFiles, a zip). The generated client maps these operations to their
 * JSON model or a temporary file, so these two reads use the JDK's HTTP client with the same base
 * URL and the signed-in person's own access token.
 */
@ApplicationScoped
public class Downloads {

    /** A file on its way: what tariff-service said it is, and its bytes to stream. */
    public record Download(String contentType, Optional<String> disposition, StreamingOutput body) {
    }

    private static final String SERVICE = "tariff-service";

    @ConfigProperty(name = "quarkus.rest-client.tariff.url")
    String tariffUrl;

    @Inject
    SecurityIdentity identity;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * The reconciliation of entries dated {@code from} to {@code to} (ISO dates, may be null) grouped
     * by {@code groupBy}, in the order {@code sort} names (may be null: by group), as tariff-service's CSV:
     * every row of the range, not a page.
     *
     * @throws ApiProblem with tariff-service's problem when it refuses, 503 when it does not answer
     */
    public Download reconciliationCsv(String from, String to, String groupBy, String sort) {
        Map<String, String> query = new LinkedHashMap<>();
        put(query, "from", from);
        put(query, "to", to);
        put(query, "groupBy", groupBy);
        put(query, "sort", sort);
        return get("/api/reconciliation", query, "text/csv");
    }

    /**
     * The zip of CAPE CSV files of the entries eligible today.
     *
     * @throws ApiProblem with tariff-service's problem when it refuses, 503 when it does not answer
     */
    public Download capeFiles() {
        return get("/api/ieepa-refunds/cape-files", Map.of(), "application/zip");
    }

    private Download get(String path, Map<String, String> query, String accept) {
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tariffUrl.replaceAll("/+$", "") + path + (q.isEmpty() ? "" : "?" + q)))
                .header("Accept", accept)
                .header("Authorization", "Bearer " + identity.getCredential(AccessTokenCredential.class).getToken())
                .timeout(Duration.ofSeconds(60))
                .GET().build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw Calls.unavailable(SERVICE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Calls.unavailable(SERVICE);
        }
        if (response.statusCode() != 200) {
            try (InputStream in = response.body()) {
                throw Calls.problem(SERVICE, response.statusCode(), new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw Calls.unavailable(SERVICE);
            }
        }
        StreamingOutput body = out -> {
            try (InputStream in = response.body()) {
                in.transferTo(out);
            }
        };
        return new Download(response.headers().firstValue("Content-Type").orElse(accept),
                response.headers().firstValue("Content-Disposition"), body);
    }

    private static void put(Map<String, String> query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.put(name, value);
        }
    }
}

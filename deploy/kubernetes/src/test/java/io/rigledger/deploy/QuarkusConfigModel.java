package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The configuration Quarkus itself reads in a packaged service, taken from the metadata every Quarkus
 * extension jar carries ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}, written by
 * Quarkus's annotation processor): each property's environment variable (e.g.
 * {@code QUARKUS_DATASOURCE_JDBC_MAX_SIZE}) and its phase ({@code RUN_TIME}, or {@code BUILD_TIME} /
 * {@code BUILD_AND_RUN_TIME_FIXED}, which a pod's environment cannot change).
 *
 * <p>Properties under a named map ({@code quarkus.datasource."datasource-name".jdbc.max-size}) are kept
 * as patterns, so {@code QUARKUS_DATASOURCE_USERS_JDBC_MAX_SIZE} is recognised too.
 *
 * @param exact    environment variable to phase
 * @param patterns environment-variable patterns of named-map properties to phase
 */
record QuarkusConfigModel(Map<String, String> exact, Map<Pattern, String> patterns) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";

    /**
     * Reads every jar of {@code <service>/target/quarkus-app/lib/main}, failing with a hint when the
     * service is not packaged.
     */
    static QuarkusConfigModel of(String service) {
        Path lib = RenderedOverlay.moduleDir().resolve("../..").normalize()
                .resolve(service + "/target/quarkus-app/lib/main");
        if (!Files.isDirectory(lib)) {
            return fail(lib + " does not exist: the config-key comparison reads the Quarkus extensions " + service
                    + " is packaged with. Build it first: ./mvnw -pl deploy/kubernetes -am verify (or package the service).");
        }
        Map<String, String> exact = new TreeMap<>();
        Map<Pattern, String> patterns = new java.util.LinkedHashMap<>();
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).sorted().toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    ZipEntry model = zip.getEntry(MODEL);
                    if (model != null) {
                        try (InputStream in = zip.getInputStream(model)) {
                            collect(JSON.readTree(in), exact, patterns);
                        }
                    }
                }
            }
        } catch (IOException e) {
            return fail("cannot read the Quarkus config model in " + lib + ": " + e);
        }
        return new QuarkusConfigModel(exact, patterns);
    }

    /**
     * The phase of the Quarkus property an environment variable sets: {@code RUN_TIME},
     * {@code BUILD_TIME} or {@code BUILD_AND_RUN_TIME_FIXED}; empty when no extension of the service
     * has such a property.
     */
    Optional<String> phase(String environmentVariable) {
        String known = exact.get(environmentVariable);
        if (known != null) {
            return Optional.of(known);
        }
        return patterns.entrySet().stream().filter(e -> e.getKey().matcher(environmentVariable).matches())
                .map(Map.Entry::getValue).findFirst();
    }

    private static void collect(JsonNode node, Map<String, String> exact, Map<Pattern, String> patterns) {
        if (node.isArray()) {
            node.forEach(n -> collect(n, exact, patterns));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String phase = node.path("phase").asText("");
        if (!phase.isEmpty() && node.has("path")) {
            List<JsonNode> paths = new ArrayList<>();
            paths.add(node.path("path"));
            node.path("additionalPaths").forEach(paths::add);
            for (JsonNode path : paths) {
                String env = path.path("environmentVariable").asText("");
                if (env.contains("__")) {
                    patterns.putIfAbsent(namedMapPattern(env), phase);
                } else if (!env.isEmpty()) {
                    exact.putIfAbsent(env, phase);
                }
            }
        }
        node.elements().forEachRemaining(n -> collect(n, exact, patterns));
    }

    /** {@code QUARKUS_DATASOURCE__DATASOURCE_NAME__JDBC_MAX_SIZE} -> {@code QUARKUS_DATASOURCE_[A-Z0-9_]+_JDBC_MAX_SIZE}. */
    static Pattern namedMapPattern(String environmentVariable) {
        String[] parts = environmentVariable.split("__[A-Z0-9_]+?__", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("_[A-Z0-9_]+_");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}

package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The image tars the services' builds write (target/&lt;service&gt;-image.tar, deploy/images) are the
 * images the manifests run: same reference, a numeric non-root user equal to the pods' runAsUser,
 * {@code java -jar /deployments/quarkus-run.jar} as entrypoint, and the container port exposed.
 */
class ImagesTest {

    static final List<String> SERVICES = RenderedOverlay.APPS;
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @FieldSource("SERVICES")
    void theImageTarRunsAsTheNumericUserOnThePortTheManifestsExpect(String service) throws IOException {
        Path tar = RenderedOverlay.moduleDir().resolve("../../" + service + "/target/" + service + "-image.tar").normalize();
        if (!Files.isRegularFile(tar)) {
            fail(tar + " does not exist: the service's build writes it at package (./mvnw -pl " + service
                    + " -am package -DskipTests, or ./mvnw verify), unless -Dservice-image.skip=true");
        }
        ImageTar image = ImageTar.read(tar);
        for (String overlay : RenderedOverlay.OVERLAYS) {
            RenderedOverlay rendered = RenderedOverlay.of(overlay);
            var pod = rendered.workload(service).template().getSpec();
            Container c = pod.getContainers().get(0);
            PodSecurityContext security = pod.getSecurityContext();
            assertEquals(List.of(), problems(image.config(), c.getPorts().get(0).getContainerPort(), security.getRunAsUser()),
                    overlay + ": " + tar);
            assertEquals(List.of(c.getImage()), image.repoTags(), overlay + ": the manifests run the image this build wrote");
        }
        assertTrue(image.executables().contains("opt/java/bin/java"), "the runtime's java is in the image and executable");
        assertTrue(image.files().contains("deployments/quarkus-run.jar"), "the Quarkus fast-jar is in /deployments");
        assertTrue(image.files().contains("lib64/ld-linux-x86-64.so.2") || image.files().contains("lib/ld-linux-aarch64.so.1"),
                "the C library's loader is in the image");
    }

    @Test
    void anImageThatRunsAsRootThroughAShellOnAnotherPortFails() throws IOException {
        JsonNode config = JSON.readTree(RenderedOverlay.moduleDir().resolve("src/test/fixtures/images/root-user-config.json").toFile());
        List<String> problems = problems(config, 8083, 185L);
        assertEquals(List.of(
                "user is root, not the numeric uid:gid 185:185 the pods run as",
                "entrypoint [/bin/sh, -c, java -jar app.jar] is not /opt/java/bin/java ... -jar /deployments/quarkus-run.jar",
                "exposes [8080/tcp], not [8083/tcp]"), problems);
    }

    /** What is wrong with an image config (the "config" object of the image's config JSON). */
    static List<String> problems(JsonNode imageConfig, int containerPort, Long runAsUser) {
        JsonNode config = imageConfig.path("config");
        List<String> problems = new ArrayList<>();
        String user = config.path("User").asText("");
        String expectedUser = runAsUser + ":" + runAsUser;
        if (!user.equals(expectedUser)) {
            problems.add("user is " + (user.isEmpty() ? "not set (root)" : user) + ", not the numeric uid:gid " + expectedUser + " the pods run as");
        }
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        int n = entrypoint.size();
        if (n < 3 || !entrypoint.get(0).equals("/opt/java/bin/java") || !entrypoint.get(n - 2).equals("-jar")
                || !entrypoint.get(n - 1).equals("/deployments/quarkus-run.jar")) {
            problems.add("entrypoint " + entrypoint + " is not /opt/java/bin/java ... -jar /deployments/quarkus-run.jar");
        }
        List<String> ports = new ArrayList<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        if (!ports.equals(List.of(containerPort + "/tcp"))) {
            problems.add("exposes " + ports + ", not [" + containerPort + "/tcp]");
        }
        return problems;
    }

    /** A Docker-format image archive as Jib writes it: manifest.json, config.json, gzipped layer tars. */
    record ImageTar(List<String> repoTags, JsonNode config, List<String> files, List<String> executables) {

        static ImageTar read(Path tar) throws IOException {
            Map<String, byte[]> entries = new HashMap<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
                for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            JsonNode manifest = JSON.readTree(entries.get("manifest.json")).get(0);
            assertNotNull(manifest, tar + " has no manifest.json");
            List<String> tags = new ArrayList<>();
            manifest.path("RepoTags").forEach(t -> tags.add(t.asText()));
            JsonNode config = JSON.readTree(entries.get(manifest.path("Config").asText()));
            List<String> files = new ArrayList<>();
            List<String> executables = new ArrayList<>();
            for (JsonNode layer : manifest.path("Layers")) {
                try (InputStream raw = new ByteArrayInputStream(entries.get(layer.asText()));
                        TarArchiveInputStream in = new TarArchiveInputStream(new GZIPInputStream(raw))) {
                    for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        String name = e.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                        if (e.isFile()) {
                            files.add(name);
                            if ((e.getMode() & 0111) == 0111) {
                                executables.add(name);
                            }
                        }
                    }
                }
            }
            return new ImageTar(tags, config, files, executables);
        }
    }
}

package io.rigledger.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The local stack starts each service with the dev overlay's ConfigMap: rendered here with kubectl
 * (as deploy/kubernetes does) and compared with what {@link DevEnvironment} reads.
 */
class DevEnvironmentTest {

    private static final Path ROOT = StackSettings.fromEnvironment().root();

    @Test
    void theLauncherReadsExactlyTheRenderedDevConfigMaps() throws Exception {
        Map<String, Map<String, String>> rendered = renderedDevConfigMaps();
        for (ServiceApp app : ServiceApp.values()) {
            assertEquals(rendered.get(app.id() + "-config"), new TreeMap<>(DevEnvironment.devConfigMap(ROOT, app)), app.id());
        }
        StackSettings defaults = StackSettings.fromEnvironment();
        assertEquals(rendered.get("oidc-issuer").get("OIDC_ISSUER"), defaults.issuerUrl(),
                "the local Keycloak's issuer is dev's OIDC_ISSUER");
    }

    @Test
    void inClusterAddressesBecomeTheLocalStacksPorts() {
        StackSettings s = StackSettings.fromEnvironment();
        assertEquals("jdbc:postgresql://localhost:" + s.postgresPort() + "/tariff",
                DevEnvironment.toLocal(s, "jdbc:postgresql://postgres:5432/tariff"));
        assertEquals(s.backchannelRealmUrl(), DevEnvironment.toLocal(s, "http://keycloak:8080/realms/rigledger"));
        assertEquals(s.serviceUrl(ServiceApp.TARIFF), DevEnvironment.toLocal(s, "http://tariff-service:8083"));
        Map<String, String> env = DevEnvironment.forService(s, ServiceApp.PROCUREMENT);
        assertEquals(s.serviceUrl(ServiceApp.INVENTORY), env.get("INVENTORY_URL"));
        assertTrue(env.values().stream().noneMatch(v -> v.matches(".*//(postgres|keycloak|\\w+-service):\\d+.*")), env.toString());
    }

    @Test
    void aConfigMapTheKustomizationDoesNotGenerateIsAnError() throws IOException {
        Path file = Files.createTempFile("kustomization", ".yaml");
        Files.writeString(file, "configMapGenerator:\n  - name: other\n    literals: [A=1]\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> DevEnvironment.configMapLiterals(file, "tariff-service-config"));
        assertTrue(e.getMessage().endsWith("generates no ConfigMap tariff-service-config"), e.getMessage());
        Files.delete(file);
    }

    /** ConfigMap name without kustomize's hash suffix to its data, from kubectl kustomize overlays/dev. */
    private static Map<String, Map<String, String>> renderedDevConfigMaps() throws Exception {
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        Process p = new ProcessBuilder(kubectl, "kustomize", ROOT.resolve("deploy/kubernetes/overlays/dev").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String yaml = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0,
                "kubectl kustomize failed (kubectl 1.27+ needed: deploy/kubernetes/install-kubectl.sh)");
        Map<String, Map<String, String>> configMaps = new TreeMap<>();
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        try (var documents = mapper.readerFor(JsonNode.class).readValues(yaml)) {
            while (documents.hasNext()) {
                JsonNode doc = (JsonNode) documents.next();
                if ("ConfigMap".equals(doc.path("kind").asText())) {
                    Map<String, String> data = new TreeMap<>();
                    doc.path("data").fields().forEachRemaining(e -> data.put(e.getKey(), ((TextNode) e.getValue()).asText()));
                    configMaps.put(doc.path("metadata").path("name").asText().replaceFirst("-[a-z0-9]{10}$", ""), data);
                }
            }
        }
        return configMaps;
    }
}

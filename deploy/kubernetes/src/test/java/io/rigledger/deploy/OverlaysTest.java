package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.rigledger.deploy.RenderedOverlay.Workload;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What each overlay changes, and what both keep. */
class OverlaysTest {

    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;

    @Test
    void devRunsOneOfEverythingAndKeycloakInDevelopmentMode() {
        RenderedOverlay dev = RenderedOverlay.of("dev");
        for (Deployment d : dev.all(Deployment.class)) {
            assertEquals(1, d.getSpec().getReplicas(), "dev replicas of " + d.getMetadata().getName());
        }
        assertEquals(List.of("start-dev", "--import-realm"), keycloak(dev).getArgs());
        assertTrue(dev.all(PodDisruptionBudget.class).isEmpty(), "dev has no disruption budgets");
        assertTrue(dev.all(HorizontalPodAutoscaler.class).isEmpty(), "dev does not autoscale");
    }

    @Test
    void prodRunsTwoOrMoreOfEachServiceWithADisruptionBudgetAndAutoscaling() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        assertEquals(List.of("start", "--import-realm"), keycloak(prod).getArgs());
        for (String service : RenderedOverlay.SERVICES) {
            Deployment d = prod.get(Deployment.class, service);
            assertNull(d.getSpec().getReplicas(), service + ": the HPA sets the size, spec.replicas would reset it at every apply");

            PodDisruptionBudget pdb = prod.all(PodDisruptionBudget.class).stream()
                    .filter(b -> NetworkPolicyTest.selects(b.getSpec().getSelector(), prod.workload(service)))
                    .findFirst().orElseThrow(() -> new AssertionError("no PodDisruptionBudget for " + service));
            assertTrue(pdb.getSpec().getMaxUnavailable() != null || pdb.getSpec().getMinAvailable() != null, pdb.getMetadata().getName());
            assertEquals(d.getSpec().getSelector(), pdb.getSpec().getSelector(), "the budget selects exactly the Deployment's pods");

            HorizontalPodAutoscaler hpa = prod.get(HorizontalPodAutoscaler.class, service);
            assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
            assertEquals(service, hpa.getSpec().getScaleTargetRef().getName());
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, "prod never autoscales " + service + " below 2");
            assertTrue(hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas(), service);
        }
    }

    @Test
    void prodGivesEveryContainerAtLeastDevsResources() {
        RenderedOverlay dev = RenderedOverlay.of("dev");
        RenderedOverlay prod = RenderedOverlay.of("prod");
        for (Workload w : prod.workloads()) {
            Container p = w.template().getSpec().getContainers().get(0);
            Container d = dev.workload(w.name()).template().getSpec().getContainers().get(0);
            for (String resource : List.of("cpu", "memory")) {
                assertTrue(p.getResources().getLimits().get(resource).getNumericalAmount()
                        .compareTo(d.getResources().getLimits().get(resource).getNumericalAmount()) >= 0, w + " " + resource);
            }
        }
        for (String service : RenderedOverlay.SERVICES) {
            var prodMemory = prod.workload(service).template().getSpec().getContainers().get(0).getResources().getLimits().get("memory");
            var devMemory = dev.workload(service).template().getSpec().getContainers().get(0).getResources().getLimits().get("memory");
            assertTrue(prodMemory.getNumericalAmount().compareTo(devMemory.getNumericalAmount()) > 0, "prod raises the memory limit of " + service);
        }
    }

    @Test
    void prodAnnotatesTheServicesForPrometheus() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        for (String service : RenderedOverlay.SERVICES) {
            Map<String, String> annotations = prod.workload(service).template().getMetadata().getAnnotations();
            assertEquals("true", annotations.get("prometheus.io/scrape"), service);
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"), service);
            assertEquals(ServiceEnvironmentTest.environment(prod, service).get("HTTP_PORT"), annotations.get("prometheus.io/port"), service);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void keycloakImportsTheRealmFromTheConfigMapNamedInTheReadme(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Workload w = rendered.workload("keycloak");
        Container c = keycloak(rendered);
        VolumeMount mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/opt/keycloak/data/import"))
                .findFirst().orElseThrow(() -> new AssertionError(overlay + ": nothing mounted at /opt/keycloak/data/import"));
        Volume volume = w.template().getSpec().getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertNotNull(volume.getConfigMap(), overlay + ": the realm comes from a ConfigMap");
        assertEquals("keycloak-realm", volume.getConfigMap().getName(), overlay);
        List<String> files = volume.getConfigMap().getItems().stream().map(KeyToPath::getPath).toList();
        List<String> expected = overlay.equals("prod") ? List.of("rigledger-realm.json")
                : List.of("rigledger-realm.json", "rigledger-users-0.json");
        assertEquals(expected, files, overlay + ": the files in Keycloak's import directory (demo users in dev only)");
        assertEquals(8080, ServiceEnvironmentTest.port(rendered, "keycloak", "http"), overlay);
    }

    /**
     * The realm file that prod imports has no person in it: its only users are the clients' service
     * accounts, without credentials. The demo users (password = user name, ada an admin) live in
     * rigledger-users-0.json, which only dev and the local launcher put in the import directory.
     */
    @Test
    void theRealmFileHasNoDemoUsersAndNoCredentials() throws IOException {
        Path dir = RenderedOverlay.moduleDir().resolve("../keycloak").normalize();
        JsonNode realm = new ObjectMapper().readTree(dir.resolve("realm-rigledger.json").toFile());
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "a person in the realm file: " + user.path("username"));
            assertFalse(user.has("credentials"), "credentials in the realm file: " + user.path("username"));
        }
        assertFalse(realm.toString().contains("\"credentials\""), "credentials in the realm file");
        JsonNode demo = new ObjectMapper().readTree(dir.resolve("rigledger-users-0.json").toFile());
        assertEquals("rigledger", demo.path("realm").asText());
        List<String> names = new ArrayList<>();
        demo.path("users").forEach(u -> names.add(u.path("username").asText()));
        assertEquals(List.of("alice", "bob", "fiona", "oscar", "ada"), names);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceSelectsAWorkloadAndTargetsAPortItExposes(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (Service s : rendered.all(Service.class)) {
            LabelSelector selector = new LabelSelector(List.of(), s.getSpec().getSelector());
            assertFalse(s.getSpec().getSelector().isEmpty(), overlay + ": Service " + s.getMetadata().getName() + " has no selector");
            List<Workload> targets = rendered.workloads().stream().filter(w -> NetworkPolicyTest.selects(selector, w)).toList();
            assertEquals(1, targets.size(), overlay + ": Service " + s.getMetadata().getName() + " selects " + targets);
            for (ServicePort port : s.getSpec().getPorts()) {
                boolean exposed = targets.get(0).template().getSpec().getContainers().stream()
                        .flatMap(c -> c.getPorts().stream())
                        .anyMatch(p -> port.getTargetPort().getStrVal() != null
                                ? port.getTargetPort().getStrVal().equals(p.getName())
                                : port.getTargetPort().getIntVal().equals(p.getContainerPort()));
                assertTrue(exposed, overlay + ": Service " + s.getMetadata().getName() + " targets " + port.getTargetPort());
            }
        }
    }

    private static Container keycloak(RenderedOverlay rendered) {
        return rendered.workload("keycloak").template().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals("keycloak")).findFirst().orElseThrow();
    }
}

package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.rigledger.deploy.RenderedOverlay.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Pods as README.md describes them: restricted security context, requests and limits, three probes. */
class PodConventionsTest {

    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerRunsAsNonRootOnAReadOnlyFilesystemWithoutCapabilities(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : RenderedOverlay.of(overlay).workloads()) {
            PodSpec pod = w.template().getSpec();
            PodSecurityContext podContext = pod.getSecurityContext();
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                problems.add(w + ": uses the host's network, PID or IPC namespace");
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(w + ": mounts a service account token it does not need");
            }
            for (Volume v : pod.getVolumes()) {
                if (v.getHostPath() != null) {
                    problems.add(w + ": hostPath volume " + v.getName());
                }
            }
            for (Container c : allContainers(pod)) {
                String where = w + " container " + c.getName();
                SecurityContext sc = c.getSecurityContext();
                if (sc == null) {
                    problems.add(where + ": no securityContext");
                    continue;
                }
                Boolean runAsNonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot()
                        : podContext == null ? null : podContext.getRunAsNonRoot();
                Long runAsUser = sc.getRunAsUser() != null ? sc.getRunAsUser()
                        : podContext == null ? null : podContext.getRunAsUser();
                String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : podContext == null || podContext.getSeccompProfile() == null ? null
                        : podContext.getSeccompProfile().getType();
                check(problems, Boolean.TRUE.equals(runAsNonRoot), where + ": runAsNonRoot is not true");
                check(problems, runAsUser == null || runAsUser != 0, where + ": runAsUser 0");
                check(problems, Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()), where + ": readOnlyRootFilesystem is not true");
                check(problems, Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()), where + ": allowPrivilegeEscalation is not false");
                check(problems, !Boolean.TRUE.equals(sc.getPrivileged()), where + ": privileged");
                check(problems, "RuntimeDefault".equals(seccomp), where + ": seccompProfile is " + seccomp + ", not RuntimeDefault");
                boolean dropsAll = sc.getCapabilities() != null && sc.getCapabilities().getDrop().contains("ALL");
                check(problems, dropsAll, where + ": capabilities do not drop ALL");
                check(problems, sc.getCapabilities() == null || sc.getCapabilities().getAdd().isEmpty(), where + ": adds capabilities");
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theServicesHaveAWritableTmpBecauseTheirRootFilesystemIsReadOnly(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : RenderedOverlay.SERVICES) {
            PodSpec pod = rendered.workload(service).template().getSpec();
            Container c = pod.getContainers().get(0);
            VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": " + service + " has no volume at /tmp"));
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(tmp.getName())).findFirst().orElseThrow();
            assertNotNull(volume.getEmptyDir(), overlay + ": " + service + " /tmp is not an emptyDir");
            assertNotNull(volume.getEmptyDir().getSizeLimit(), overlay + ": " + service + " /tmp has no size limit");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerRequestsAndLimitsCpuAndMemory(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : RenderedOverlay.of(overlay).workloads()) {
            for (Container c : allContainers(w.template().getSpec())) {
                String where = w + " container " + c.getName();
                ResourceRequirements r = c.getResources();
                if (r == null) {
                    problems.add(where + ": no resources");
                    continue;
                }
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = r.getRequests().get(resource);
                    Quantity limit = r.getLimits().get(resource);
                    if (request == null || limit == null) {
                        problems.add(where + ": " + resource + " request " + request + ", limit " + limit);
                    } else if (request.getNumericalAmount().compareTo(limit.getNumericalAmount()) > 0) {
                        problems.add(where + ": " + resource + " request " + request + " above limit " + limit);
                    }
                }
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasStartupLivenessAndReadinessProbes(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : RenderedOverlay.of(overlay).workloads()) {
            for (Container c : w.template().getSpec().getContainers()) {
                String where = w + " container " + c.getName();
                check(problems, c.getStartupProbe() != null, where + ": no startupProbe");
                check(problems, c.getLivenessProbe() != null, where + ": no livenessProbe");
                check(problems, c.getReadinessProbe() != null, where + ": no readinessProbe");
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theServicesProbeQuarkusHealthOnTheirHttpPort(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : RenderedOverlay.SERVICES) {
            Container c = rendered.workload(service).template().getSpec().getContainers().get(0);
            assertEquals(service, c.getName(), overlay);
            ContainerPort http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": " + service + " has no port named http"));
            Map<String, Probe> probes = new LinkedHashMap<>();
            probes.put("/q/health/started", c.getStartupProbe());
            probes.put("/q/health/live", c.getLivenessProbe());
            probes.put("/q/health/ready", c.getReadinessProbe());
            probes.forEach((path, probe) -> {
                assertNotNull(probe, overlay + ": " + service + " has no probe for " + path);
                HTTPGetAction get = probe.getHttpGet();
                assertNotNull(get, overlay + ": " + service + " probe for " + path + " is not an HTTP GET");
                assertEquals(path, get.getPath(), overlay + ": " + service);
                String port = get.getPort().getStrVal() != null ? get.getPort().getStrVal() : String.valueOf(get.getPort().getIntVal());
                assertTrue(port.equals("http") || port.equals(String.valueOf(http.getContainerPort())),
                        overlay + ": " + service + " probes port " + port);
            });
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void imagesArePinnedToAVersion(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (Workload w : rendered.workloads()) {
            for (Container c : allContainers(w.template().getSpec())) {
                String image = Objects.requireNonNull(c.getImage(), w + " " + c.getName() + " has no image");
                assertFalse(image.endsWith(":latest") || !image.substring(image.lastIndexOf('/') + 1).contains(":"),
                        overlay + ": " + w + " uses an unpinned image " + image);
            }
        }
        String registry = System.getProperty("service-image.registry", "ghcr.io/rigledger");
        String tag = System.getProperty("service-image.tag", "0.1.0");
        for (String service : RenderedOverlay.SERVICES) {
            assertEquals(registry + "/" + service + ":" + tag,
                    rendered.workload(service).template().getSpec().getContainers().get(0).getImage(),
                    overlay + ": the image the build names (service-image.registry and service-image.tag in the parent pom)");
        }
        String keycloakVersion = System.getProperty("keycloak.version");
        if (keycloakVersion != null) {
            assertEquals("quay.io/keycloak/keycloak:" + keycloakVersion,
                    rendered.workload("keycloak").template().getSpec().getContainers().get(0).getImage(),
                    overlay + ": Keycloak's image follows keycloak.version in the parent pom");
        }
    }

    @Test
    void theServicesImagesAreNamedOnlyInTheBaseImagesList() throws java.io.IOException {
        for (String service : RenderedOverlay.SERVICES) {
            java.nio.file.Path deployment = RenderedOverlay.moduleDir().resolve("base/" + service + "/deployment.yaml");
            String yaml = java.nio.file.Files.readString(deployment);
            assertTrue(yaml.contains("image: " + service + " "), deployment
                    + ": the Deployment names its image by the service's name only; the reference lives in base/kustomization.yaml");
            assertFalse(yaml.contains("ghcr.io") || yaml.contains(":0."), deployment + " repeats the image reference");
        }
    }

    static List<Container> allContainers(PodSpec pod) {
        return Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).toList();
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}

package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One overlay rendered by {@code kubectl kustomize}, split into documents and parsed with fabric8's
 * serialization. Each overlay is rendered once per test run.
 */
final class RenderedOverlay {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    /** Component choices no overlay uses, rendered from src/test/variants so they are checked too. */
    static final List<String> VARIANTS = List.of("external-database");
    static final List<String> SERVICES = List.of("procurement-service", "inventory-service", "tariff-service");
    /** The web console: no database; it calls the three services with the signed-in person's token. */
    static final String CONSOLE = "console";
    /** The services and the console: every image the build writes, every confidential client of the realm. */
    static final List<String> APPS = List.of("procurement-service", "inventory-service", "tariff-service", CONSOLE);

    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---[ \\t]*$\\R?");
    private static final Map<String, RenderedOverlay> CACHE = new ConcurrentHashMap<>();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    final String overlay;
    /** The YAML documents exactly as kubectl printed them, in order. */
    final List<String> documents;
    /** The parsed objects, in the same order; an entry is whatever fabric8 made of the document. */
    final List<Object> parsed;

    private RenderedOverlay(String overlay, List<String> documents, List<Object> parsed) {
        this.overlay = overlay;
        this.documents = documents;
        this.parsed = parsed;
    }

    static RenderedOverlay of(String overlay) {
        return CACHE.computeIfAbsent(overlay, o -> render(o, moduleDir().resolve("overlays").resolve(o)));
    }

    /** A kustomization in any folder (rendered once per name). */
    static RenderedOverlay at(String name, Path dir) {
        return CACHE.computeIfAbsent("at:" + name, o -> render(name, dir));
    }

    /** A kustomization under src/test/variants: the base with a component no overlay uses. */
    static RenderedOverlay variant(String name) {
        return CACHE.computeIfAbsent("variant:" + name, o -> render(name, moduleDir().resolve("src/test/variants").resolve(name)));
    }

    /**
     * A deliberately broken kustomization under src/test/fixtures, rendered like an overlay, that a
     * test feeds to a check to prove the check can fail.
     */
    static RenderedOverlay fixture(String name) {
        return CACHE.computeIfAbsent("fixture:" + name, o -> render(name, moduleDir().resolve("src/test/fixtures").resolve(name)));
    }

    /** deploy/kubernetes: the module's base directory, where Maven runs the tests. */
    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
    }

    static String kubectl() {
        String fromProperty = System.getProperty("kubectl");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv("KUBECTL");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "kubectl";
    }

    private static RenderedOverlay render(String overlay, Path dir) {
        if (!Files.isDirectory(dir)) {
            fail("overlay directory " + dir + " does not exist");
        }
        String kubectl = kubectl();
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", dir.toString())
                    .redirectErrorStream(false)
                    .start();
        } catch (IOException e) {
            return fail("kubectl is required to render the Kubernetes manifests and was not found ('" + kubectl
                    + "': " + e.getMessage() + "). Install it as deploy/kubernetes/README.md says"
                    + " (section 'Tools'), or point -Dkubectl=/path/to/kubectl or KUBECTL at one.");
        }
        try {
            process.getOutputStream().close();
            // read both streams fully before waiting, so that a full pipe cannot block kubectl
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(RENDER_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + dir + " did not finish within " + RENDER_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                fail("kubectl kustomize " + dir + " failed with exit code " + process.exitValue()
                        + " (it needs kubectl 1.27 or later; see README.md, section 'Tools'):\n" + stderr.join());
            }
            List<String> documents = new ArrayList<>();
            for (String document : DOCUMENT_SEPARATOR.split(stdout)) {
                if (!document.isBlank()) {
                    documents.add(document);
                }
            }
            List<Object> parsed = new ArrayList<>();
            for (String document : documents) {
                Object object;
                try {
                    object = SERIALIZATION.unmarshal(document);
                } catch (RuntimeException e) {
                    object = e; // reported by ManifestSchemaTest with the document that caused it
                }
                parsed.add(object);
            }
            return new RenderedOverlay(overlay, List.copyOf(documents), parsed);
        } catch (IOException e) {
            process.destroyForcibly();
            return fail("could not talk to kubectl while rendering " + dir + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return fail("interrupted while rendering " + dir);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The objects that parsed into Kubernetes resources; ManifestSchemaTest makes sure that is all of them. */
    List<HasMetadata> objects() {
        return parsed.stream().filter(HasMetadata.class::isInstance).map(HasMetadata.class::cast).toList();
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects().stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseGet(() -> fail(overlay + ": no " + type.getSimpleName() + " named " + name));
    }

    /** Every pod template: Deployments and StatefulSets. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : all(Deployment.class)) {
            workloads.add(new Workload("Deployment", d.getMetadata().getName(), d.getSpec().getTemplate()));
        }
        for (StatefulSet s : all(StatefulSet.class)) {
            workloads.add(new Workload("StatefulSet", s.getMetadata().getName(), s.getSpec().getTemplate()));
        }
        return workloads;
    }

    /** The CloudNativePG Clusters (no typed model: CrdSchemaTest validates them against the vendored CRD). */
    List<GenericKubernetesResource> cnpgClusters() {
        return all(GenericKubernetesResource.class).stream()
                .filter(o -> o.getApiVersion().equals("postgresql.cnpg.io/v1") && o.getKind().equals("Cluster")).toList();
    }

    /**
     * The pods NetworkPolicies apply to: every workload's, and the instances the CloudNativePG operator
     * creates for a Cluster (labels cnpg.io/cluster, cnpg.io/podRole and the Cluster's inheritedMetadata;
     * ports postgresql 5432, status 8000, metrics 9187, as the operator 1.30 creates them).
     */
    List<Workload> networkPeers() {
        List<Workload> peers = new ArrayList<>(workloads());
        for (GenericKubernetesResource cluster : cnpgClusters()) {
            Map<String, String> labels = new TreeMap<>();
            Object inherited = cluster.get("spec", "inheritedMetadata", "labels");
            if (inherited instanceof Map<?, ?> map) {
                map.forEach((k, v) -> labels.put(String.valueOf(k), String.valueOf(v)));
            }
            labels.put("cnpg.io/cluster", cluster.getMetadata().getName());
            labels.put("cnpg.io/podRole", "instance");
            PodTemplateSpec pod = new PodTemplateSpecBuilder()
                    .withNewMetadata().withLabels(labels).endMetadata()
                    .withNewSpec().addNewContainer().withName("postgres")
                    .addNewPort().withName("postgresql").withContainerPort(5432).withProtocol("TCP").endPort()
                    .addNewPort().withName("status").withContainerPort(8000).withProtocol("TCP").endPort()
                    .addNewPort().withName("metrics").withContainerPort(9187).withProtocol("TCP").endPort()
                    .endContainer().endSpec().build();
            peers.add(new Workload("CNPG Cluster", cluster.getMetadata().getName(), pod));
        }
        return peers;
    }

    Workload workload(String name) {
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseGet(() -> fail(overlay + ": no workload named " + name));
    }

    /** A ConfigMap by the name a pod refers to (after kustomize appended the generator's hash). */
    ConfigMap configMap(String name) {
        return get(ConfigMap.class, name);
    }

    record Workload(String kind, String name, PodTemplateSpec template) {
        Map<String, String> podLabels() {
            Map<String, String> labels = template.getMetadata() == null ? null : template.getMetadata().getLabels();
            return labels == null ? Map.of() : labels;
        }

        @Override
        public String toString() {
            return kind + "/" + name;
        }
    }
}

package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** prod: TLS ingress with hosts from one file, three spread replicas, autoscaling, graceful shutdown. */
class ProdOverlayTest {

    @Test
    void theIngressTerminatesTlsForEveryHostAndRoutesEachToItsService() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        Map<String, String> routes = routes(prod);
        String authHost = URI.create(ServiceEnvironmentTest.environment(prod, "keycloak").get("KC_HOSTNAME")).getHost();
        assertEquals("keycloak", routes.get(authHost), "Keycloak's public host (KC_HOSTNAME) is served by the Ingress");
        assertEquals(Set.of("keycloak", "procurement-service", "inventory-service", "tariff-service"), Set.copyOf(routes.values()));
        Ingress ingress = prod.all(Ingress.class).get(0);
        Set<String> tlsHosts = ingress.getSpec().getTls().stream().map(IngressTLS::getHosts).flatMap(List::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(routes.keySet()), tlsHosts, "every host is behind TLS");
        ingress.getSpec().getTls().forEach(t -> assertNotNull(t.getSecretName(), "TLS without a certificate Secret"));
        assertEquals("true", ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/force-ssl-redirect"));
        for (String service : RenderedOverlay.SERVICES) {
            Map<String, String> env = ServiceEnvironmentTest.environment(prod, service);
            assertEquals("true", env.get("HTTP_PROXY_FORWARDING"), service + " reads X-Forwarded-* behind the ingress");
            assertNotNull(env.get("HTTP_TRUSTED_PROXIES"), service + " trusts only named proxies");
        }
    }

    /** The one file with the host names: change it, and the Ingress, KC_HOSTNAME and every OIDC_ISSUER follow. */
    @Test
    void publicHostsEnvIsTheOnePlaceThatNamesTheHosts() throws IOException {
        Path copy = RenderedOverlay.moduleDir().resolve("target/prod-with-other-hosts");
        copyOverlay(RenderedOverlay.moduleDir().resolve("overlays/prod"), copy);
        Files.writeString(copy.resolve("public-hosts.env"), String.join("\n", "AUTH_HOST=login.acme.test",
                "PROCUREMENT_HOST=orders.acme.test", "INVENTORY_HOST=fleet.acme.test", "TARIFF_HOST=duties.acme.test",
                "POD_NETWORK=172.16.0.0/12", "INGRESS_NAMESPACE=edge", "MONITORING_NAMESPACE=observability", ""));
        RenderedOverlay other = RenderedOverlay.at("prod-with-other-hosts", copy);
        assertEquals(Map.of("login.acme.test", "keycloak", "orders.acme.test", "procurement-service",
                "fleet.acme.test", "inventory-service", "duties.acme.test", "tariff-service"), routes(other));
        assertEquals("https://login.acme.test", ServiceEnvironmentTest.environment(other, "keycloak").get("KC_HOSTNAME"));
        for (String service : RenderedOverlay.SERVICES) {
            assertEquals("https://login.acme.test/realms/rigledger", ServiceEnvironmentTest.environment(other, service).get("OIDC_ISSUER"));
        }
        for (String service : RenderedOverlay.SERVICES) {
            assertEquals("172.16.0.0/12", ServiceEnvironmentTest.environment(other, service).get("HTTP_TRUSTED_PROXIES"), service);
        }
        assertEquals("172.16.0.0/12", ServiceEnvironmentTest.environment(other, "keycloak").get("KC_PROXY_TRUSTED_ADDRESSES"));
        assertEquals(Set.of("edge", "observability"), ProdHighAvailabilityTest.namespacesAdmittedTo(other, "tariff-service"));
        assertEquals(Set.of("edge"), ProdHighAvailabilityTest.namespacesAdmittedTo(other, "keycloak"));
        String rendered = String.join("\n", other.documents);
        assertTrue(!rendered.contains("rigledger.example") && !rendered.matches("(?s).*\\b(AUTH|PROCUREMENT|INVENTORY|TARIFF)_HOST\\b.*"),
                "no placeholder host is left");
    }

    @Test
    void threeReplicasSpreadOverZonesAndNodesScaleOnCpuAndShutDownGracefully() throws IOException {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        for (String service : RenderedOverlay.SERVICES) {
            Deployment d = prod.get(Deployment.class, service);
            assertNull(d.getSpec().getReplicas(), service + ": its HPA alone sets the size (minReplicas below)");
            HorizontalPodAutoscaler hpa = prod.get(HorizontalPodAutoscaler.class, service);
            assertEquals(3, hpa.getSpec().getMinReplicas(), service);
            assertEquals("cpu", hpa.getSpec().getMetrics().get(0).getResource().getName(), service);
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            Set<String> keys = pod.getTopologySpreadConstraints().stream().map(TopologySpreadConstraint::getTopologyKey)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("topology.kubernetes.io/zone", "kubernetes.io/hostname"), keys, service);
            Container c = pod.getContainers().get(0);
            int preStop = c.getLifecycle().getPreStop().getSleep().getSeconds().intValue();
            long shutdown = quarkusShutdownTimeout(service).toSeconds();
            assertTrue(preStop + shutdown < pod.getTerminationGracePeriodSeconds(), service + ": preStop " + preStop
                    + " s + quarkus.shutdown.timeout " + shutdown + " s must end before the kill at " + pod.getTerminationGracePeriodSeconds() + " s");
        }
    }

    /**
     * nginx's request body limit equals the services' own (quarkus.http.limits.max-body-size, Quarkus's
     * default 10240K): a 10,000-rig batch (about 2.1 MB) passes the Ingress, and an oversize body is
     * answered by the service with problem+json, not by nginx with an HTML 413.
     */
    @Test
    void theIngressBodyLimitIsTheServicesOwn() throws IOException {
        String nginx = RenderedOverlay.of("prod").all(Ingress.class).get(0).getMetadata().getAnnotations()
                .get("nginx.ingress.kubernetes.io/proxy-body-size");
        for (String service : RenderedOverlay.SERVICES) {
            String quarkus = applicationProperties(service).getProperty("quarkus.http.limits.max-body-size", "10240K");
            assertEquals(kibibytes(quarkus), kibibytes(nginx), service + ": Ingress " + nginx + " vs service " + quarkus);
        }
    }

    /**
     * PostgreSQL connections at full scale stay under CNPG's max_connections: each service's pool
     * (DB_POOL_MAX, quarkus.datasource.jdbc.max-size) times its HPA's maxReplicas, plus Keycloak's pool
     * (KC_DB_POOL_MAX_SIZE) times its replicas, plus 10 kept for the superuser and CNPG's instance manager.
     */
    @Test
    void theConnectionPoolsAtFullScaleFitPostgresMaxConnections() throws IOException {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        long total = 10;
        for (String service : RenderedOverlay.SERVICES) {
            assertEquals("${DB_POOL_MAX:20}", applicationProperties(service).getProperty("quarkus.datasource.jdbc.max-size"), service);
            int pool = Integer.parseInt(ServiceEnvironmentTest.environment(prod, service).get("DB_POOL_MAX"));
            total += (long) pool * prod.get(HorizontalPodAutoscaler.class, service).getSpec().getMaxReplicas();
        }
        int keycloakPool = Integer.parseInt(ServiceEnvironmentTest.environment(prod, "keycloak").get("KC_DB_POOL_MAX_SIZE"));
        total += (long) keycloakPool * prod.get(Deployment.class, "keycloak").getSpec().getReplicas();
        Object max = prod.cnpgClusters().get(0).get("spec", "postgresql", "parameters", "max_connections");
        assertTrue(total <= Integer.parseInt(String.valueOf(max)), total + " connections at full scale > max_connections " + max);
    }

    /** A size as nginx and Quarkus write it (1m, 10240K, 512k) in KiB. */
    private static long kibibytes(String size) {
        String s = size.trim().toLowerCase(Locale.ROOT);
        long n = Long.parseLong(s.replaceAll("[km]$", ""));
        return s.endsWith("m") ? n * 1024 : s.endsWith("k") ? n : n / 1024;
    }

    private static Properties applicationProperties(String service) throws IOException {
        Properties p = new Properties();
        Path file = RenderedOverlay.moduleDir().resolve("../../" + service + "/src/main/resources/application.properties");
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    private static Duration quarkusShutdownTimeout(String service) throws IOException {
        String value = applicationProperties(service).getProperty("quarkus.shutdown.timeout");
        assertNotNull(value, service + " sets no quarkus.shutdown.timeout: SIGTERM would drop requests in flight");
        return Duration.parse("PT" + value.toUpperCase());
    }

    /**
     * Ingress host to the one Service its paths send to. Only public paths are routed (Prefix): /api for
     * the APIs (not /q/metrics, /q/health, /q/swagger-ui), /realms and /resources for Keycloak (not /admin).
     */
    private static Map<String, String> routes(RenderedOverlay rendered) {
        Map<String, String> routes = new TreeMap<>();
        for (IngressRule rule : rendered.all(Ingress.class).get(0).getSpec().getRules()) {
            Set<String> services = new TreeSet<>();
            Set<String> paths = new TreeSet<>();
            for (var path : rule.getHttp().getPaths()) {
                assertEquals("Prefix", path.getPathType(), rule.getHost() + " " + path.getPath());
                paths.add(path.getPath());
                services.add(path.getBackend().getService().getName());
                ServiceEnvironmentTest.port(rendered, path.getBackend().getService().getName(),
                        path.getBackend().getService().getPort().getName());
            }
            assertEquals(1, services.size(), rule.getHost() + " goes to one Service: " + services);
            String service = services.iterator().next();
            Set<String> expected = service.equals("keycloak") ? Set.of("/realms", "/resources") : Set.of("/api");
            assertEquals(new TreeSet<>(expected), paths, rule.getHost() + " (" + service + ") routes only its public paths");
            routes.put(rule.getHost(), service);
        }
        return routes;
    }

    /** The overlay's files into {@code target}, a folder as deep as overlays/prod, so its "../../" paths still resolve. */
    private static void copyOverlay(Path overlay, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(overlay)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = target.resolve(overlay.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

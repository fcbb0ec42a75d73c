package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The services read a fixed set of environment variables, the same names as the local launcher.
 * This pins the names and checks that the values point at the objects the overlay really has, and
 * that Keycloak's fixed hostname and the issuer the services demand agree.
 */
class ServiceEnvironmentTest {

    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;

    static final Set<String> REQUIRED = Set.of("HTTP_PORT", "DB_URL", "DB_USER", "DB_PASSWORD",
            "OIDC_AUTH_SERVER_URL", "OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "LOG_JSON", "HTTP_PROXY_FORWARDING", "DB_POOL_MAX",
            "RIGLEDGER_PAGE_CURSOR_KEY");
    static final Set<String> PROCUREMENT_ONLY = Set.of("TARIFF_URL", "INVENTORY_URL", "CATALOGUE_TTL", "REQUOTE_EVERY");
    static final Set<String> TARIFF_ONLY = Set.of("SCHEDULE_POLL_INTERVAL", "PROCUREMENT_URL");
    static final Set<String> INVENTORY_ONLY = Set.of("PROCUREMENT_URL");
    static final Set<String> OPTIONAL = Set.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_SDK_DISABLED",
            "RIGLEDGER_RATE_LIMIT_ENABLED", "RIGLEDGER_RATE_LIMIT_REQUESTS", "RIGLEDGER_RATE_LIMIT_PERIOD",
            "RIGLEDGER_RATE_LIMIT_MAX_CALLERS", "HTTP_TRUSTED_PROXIES");
    static final Set<String> FROM_SECRETS = Set.of("DB_PASSWORD", "OIDC_CLIENT_SECRET", "RIGLEDGER_PAGE_CURSOR_KEY");

    static final Map<String, String> DATABASE = Map.of(
            "procurement-service", "procurement", "inventory-service", "inventory", "tariff-service", "tariff");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceReadsExactlyTheAgreedVariableNames(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : RenderedOverlay.SERVICES) {
            Set<String> names = new TreeSet<>(environment(rendered, service).keySet());
            Set<String> required = new TreeSet<>(REQUIRED);
            Set<String> allowed = new TreeSet<>(REQUIRED);
            allowed.addAll(OPTIONAL);
            if (service.equals("procurement-service")) {
                required.addAll(PROCUREMENT_ONLY);
                allowed.addAll(PROCUREMENT_ONLY);
            }
            if (service.equals("tariff-service")) {
                required.addAll(TARIFF_ONLY);
                allowed.addAll(TARIFF_ONLY);
            }
            if (service.equals("inventory-service")) {
                required.addAll(INVENTORY_ONLY);
                allowed.addAll(INVENTORY_ONLY);
            }
            TreeSet<String> missing = new TreeSet<>(required);
            missing.removeAll(names);
            TreeSet<String> unexpected = new TreeSet<>(names);
            unexpected.removeAll(allowed);
            assertEquals(Set.of(), missing, overlay + ": " + service + " lacks");
            assertEquals(Set.of(), unexpected, overlay + ": " + service + " sets variables nobody reads");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theValuesPointAtThisOverlaysObjects(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : RenderedOverlay.SERVICES) {
            Map<String, String> env = environment(rendered, service);
            Container c = rendered.workload(service).template().getSpec().getContainers().get(0);
            int containerPort = c.getPorts().get(0).getContainerPort();
            assertEquals(String.valueOf(containerPort), env.get("HTTP_PORT"), overlay + ": " + service + " HTTP_PORT");
            assertEquals(service, env.get("OIDC_CLIENT_ID"), overlay + ": " + service);
            assertEquals("true", env.get("LOG_JSON"), overlay + ": " + service);
            assertEquals("http://keycloak:" + port(rendered, "keycloak", "http") + "/realms/rigledger",
                    env.get("OIDC_AUTH_SERVER_URL"), overlay + ": " + service);
            String database = rendered.cnpgClusters().isEmpty()
                    ? "postgres:" + port(rendered, "postgres", "postgres")
                    : rendered.cnpgClusters().get(0).getMetadata().getName() + "-rw:5432"; // the operator's Service for the primary
            assertEquals("jdbc:postgresql://" + database + "/" + DATABASE.get(service), env.get("DB_URL"), overlay + ": " + service);
            assertEquals(DATABASE.get(service), env.get("DB_USER"), overlay + ": " + service);
            assertEquals(String.valueOf(containerPort), String.valueOf(port(rendered, service, "http")),
                    overlay + ": the Service " + service + " and its container use one port number");
        }
        Map<String, String> procurement = environment(rendered, "procurement-service");
        assertEquals("http://tariff-service:" + port(rendered, "tariff-service", "http"), procurement.get("TARIFF_URL"), overlay);
        assertEquals("http://inventory-service:" + port(rendered, "inventory-service", "http"), procurement.get("INVENTORY_URL"), overlay);
        assertEquals("http://procurement-service:" + port(rendered, "procurement-service", "http"),
                environment(rendered, "inventory-service").get("PROCUREMENT_URL"), overlay);
        assertEquals("http://procurement-service:" + port(rendered, "procurement-service", "http"),
                environment(rendered, "tariff-service").get("PROCUREMENT_URL"), overlay);
    }

    /**
     * One issuer: Keycloak runs with a fixed public URL (hostname v2, KC_HOSTNAME) and a dynamic back
     * channel, so a token fetched through the public URL, a port-forward or the in-cluster Service
     * carries the same iss; every service demands exactly that iss while it reaches Keycloak in-cluster.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceDemandsTheIssuerOfKeycloaksFixedPublicUrl(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, String> keycloak = environment(rendered, "keycloak");
        String hostname = keycloak.get("KC_HOSTNAME");
        assertNotNull(hostname, overlay + ": Keycloak has no fixed hostname (KC_HOSTNAME)");
        assertTrue(hostname.matches("https?://[^/?#]+(/[^?#]*[^/?#])?"), overlay + ": KC_HOSTNAME must be a full URL"
                + " (scheme, host, port) without a trailing slash, as the dynamic back channel requires: " + hostname);
        assertEquals("true", keycloak.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC"), overlay
                + ": pods reach Keycloak in-cluster, so discovery must name back-channel endpoints at that address");
        assertNull(keycloak.get("KC_HOSTNAME_STRICT"), overlay + ": with a fixed hostname, strict stays at its default");
        for (String service : RenderedOverlay.APPS) {
            Map<String, String> env = environment(rendered, service);
            assertEquals(hostname + "/realms/rigledger", env.get("OIDC_ISSUER"), overlay + ": " + service);
            assertTrue(!env.get("OIDC_AUTH_SERVER_URL").startsWith(hostname + "/"), overlay + ": " + service
                    + " reaches Keycloak in-cluster, not through its public URL");
        }
    }

    @Test
    void prodPublishesKeycloakOverHttps() {
        String hostname = environment(RenderedOverlay.of("prod"), "keycloak").get("KC_HOSTNAME");
        assertTrue(hostname.startsWith("https://"), "prod KC_HOSTNAME: " + hostname);
    }

    @Test
    void devsPostgresInitScriptCreatesEveryServicesDatabase() {
        String overlay = "dev";
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        var postgres = rendered.workload("postgres");
        String initConfigMap = postgres.template().getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null && v.getName().equals("init")).findFirst()
                .orElseThrow(() -> new AssertionError(overlay + ": postgres mounts no init script")).getConfigMap().getName();
        String script = String.join("\n", rendered.configMap(initConfigMap).getData().values());
        for (String database : DATABASE.values()) {
            assertTrue(script.matches("(?s).*\\ncreate_database " + database + " .*"), overlay + ": no database " + database);
        }
        assertTrue(script.contains("CREATE DATABASE"), overlay);
        assertTrue(postgres.kind().equals("StatefulSet"), overlay);
        var statefulSet = rendered.get(io.fabric8.kubernetes.api.model.apps.StatefulSet.class, "postgres");
        assertEquals(1, statefulSet.getSpec().getVolumeClaimTemplates().size(), overlay + ": postgres keeps its data in a PVC");
    }

    /** Name to value of what a service's container sees; values of Secret references are "secret:NAME/KEY". */
    static Map<String, String> environment(RenderedOverlay rendered, String service) {
        Container c = rendered.workload(service).template().getSpec().getContainers().get(0);
        Map<String, String> env = new HashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            assertNull(from.getSecretRef(), service + ": envFrom a Secret hides which names it sets");
            assertNull(from.getPrefix(), service + ": envFrom with a prefix");
            assertNotNull(from.getConfigMapRef(), service + ": envFrom without a ConfigMap");
            ConfigMap cm = rendered.configMap(from.getConfigMapRef().getName());
            env.putAll(cm.getData());
        }
        for (EnvVar v : c.getEnv()) {
            if (v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null) {
                var ref = v.getValueFrom().getSecretKeyRef();
                env.put(v.getName(), "secret:" + ref.getName() + "/" + ref.getKey());
            } else if (v.getValueFrom() != null && v.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = v.getValueFrom().getConfigMapKeyRef();
                env.put(v.getName(), rendered.configMap(ref.getName()).getData().get(ref.getKey()));
            } else {
                env.put(v.getName(), v.getValue());
            }
        }
        return env;
    }

    static int port(RenderedOverlay rendered, String serviceName, String portName) {
        Service service = rendered.get(Service.class, serviceName);
        return service.getSpec().getPorts().stream().filter(p -> portName.equals(p.getName())).findFirst()
                .map(ServicePort::getPort)
                .orElseThrow(() -> new AssertionError(rendered.overlay + ": Service " + serviceName + " has no port " + portName));
    }
}

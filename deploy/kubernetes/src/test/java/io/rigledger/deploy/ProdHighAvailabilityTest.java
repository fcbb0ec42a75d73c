package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * prod survives a node's loss: two Keycloak pods in one Infinispan cluster, three PostgreSQL
 * instances that never share a node, the services never two to a node, and behind the Ingress only
 * the ingress controller, Prometheus and the suite's own pods may connect (which is what makes
 * trusting X-Forwarded-* from the pod network safe).
 */
class ProdHighAvailabilityTest {

    @Test
    void keycloakRunsTwoClusteredPodsOnTwoNodesWithADisruptionBudget() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        Deployment keycloak = prod.get(Deployment.class, "keycloak");
        assertTrue(keycloak.getSpec().getReplicas() >= 2, "Keycloak replicas: " + keycloak.getSpec().getReplicas());
        Map<String, String> env = ServiceEnvironmentTest.environment(prod, "keycloak");
        assertEquals("ispn", env.get("KC_CACHE"), "sessions shared between the pods");
        assertEquals("jdbc-ping", env.get("KC_CACHE_STACK"), "discovery through Keycloak's database, TCP 7800/57800");
        assertEquals("DoNotSchedule", spread(keycloak, "kubernetes.io/hostname").getWhenUnsatisfiable());
        assertEquals("Honor", spread(keycloak, "kubernetes.io/hostname").getNodeTaintsPolicy());
        assertEquals("http://localhost:8180", env.get("KC_HOSTNAME_ADMIN"),
                "the admin console is reached by port-forward, not through the Ingress (which does not route /admin)");
        PodDisruptionBudget pdb = prod.get(PodDisruptionBudget.class, "keycloak");
        assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());
        assertEquals(Map.of("app.kubernetes.io/name", "keycloak"), pdb.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void theServicesNeverRunTwoPodsOnOneNodeWhileAnotherHasFewer() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        for (String service : RenderedOverlay.SERVICES) {
            TopologySpreadConstraint nodes = spread(prod.get(Deployment.class, service), "kubernetes.io/hostname");
            assertEquals("DoNotSchedule", nodes.getWhenUnsatisfiable(), service);
            assertEquals(1, nodes.getMaxSkew(), service);
            assertEquals("Honor", nodes.getNodeTaintsPolicy(), service
                    + ": tainted nodes counted as empty domains would cap the HPA at one pod per usable node");
        }
    }

    @Test
    void everyDisruptionBudgetKeepsAllButOnePodOfItsWorkload() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        Set<String> covered = new TreeSet<>();
        for (PodDisruptionBudget pdb : prod.all(PodDisruptionBudget.class)) {
            String name = pdb.getMetadata().getName();
            assertNull(pdb.getSpec().getMinAvailable(), name + ": minAvailable would block drains at the HPA's minimum");
            assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal(), name + ": a drain may take one pod at a time");
            assertEquals(Map.of("app.kubernetes.io/name", name), pdb.getSpec().getSelector().getMatchLabels(), name);
            covered.add(name);
        }
        assertEquals(Set.of("procurement-service", "inventory-service", "tariff-service", "keycloak"), covered);
    }

    @Test
    void theRealmThrottlesPasswordGuessing() throws java.io.IOException {
        var realm = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                RenderedOverlay.moduleDir().resolve("../keycloak/realm-rigledger.json").normalize().toFile());
        assertEquals(true, realm.path("bruteForceProtected").asBoolean(), "prod routes /realms (the password grant) to the internet");
        assertTrue(realm.path("failureFactor").asInt() > 0 && realm.path("failureFactor").asInt() <= 10, "failures before a wait");
        assertEquals(false, realm.path("permanentLockout").asBoolean(true), "a guesser must not be able to lock a user out for good");
    }

    @Test
    @SuppressWarnings("unchecked")
    void postgresInstancesAreRequiredOnDistinctNodes() {
        GenericKubernetesResource cluster = RenderedOverlay.of("prod").cnpgClusters().get(0);
        Map<String, Object> affinity = (Map<String, Object>) cluster.get("spec", "affinity");
        assertEquals(Boolean.TRUE, affinity.get("enablePodAntiAffinity"));
        assertEquals("required", affinity.get("podAntiAffinityType"), "a preferred rule lets two copies share a node");
        assertEquals("kubernetes.io/hostname", affinity.get("topologyKey"));
        List<Map<String, Object>> spread = (List<Map<String, Object>>) cluster.get("spec", "topologySpreadConstraints");
        assertEquals("topology.kubernetes.io/zone", spread.get(0).get("topologyKey"));
    }

    @Test
    void behindTheIngressOnlyTheControllerPrometheusAndTheSuiteReachTheApisAndKeycloak() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        for (String service : RenderedOverlay.SERVICES) {
            assertEquals(Set.of("ingress-nginx", "monitoring"), namespacesAdmittedTo(prod, service), service);
        }
        assertEquals(Set.of("ingress-nginx"), namespacesAdmittedTo(prod, "keycloak"));
        for (NetworkPolicy p : prod.all(NetworkPolicy.class)) {
            p.getSpec().getIngress().forEach(rule -> {
                assertTrue(!rule.getFrom().isEmpty(), "prod: NetworkPolicy " + p.getMetadata().getName() + " admits any caller");
                rule.getFrom().forEach(peer -> assertNull(peer.getIpBlock(), p.getMetadata().getName() + " admits an address range"));
            });
        }
    }

    /**
     * The namespaces (by {@code kubernetes.io/metadata.name}) whose pods an Ingress NetworkPolicy lets
     * reach {@code workload}; fails on a namespace selector that names no single namespace.
     */
    static Set<String> namespacesAdmittedTo(RenderedOverlay rendered, String workload) {
        Set<String> names = new TreeSet<>();
        for (NetworkPolicy p : rendered.all(NetworkPolicy.class)) {
            if (!p.getSpec().getPolicyTypes().contains("Ingress")
                    || !NetworkPolicyTest.selects(p.getSpec().getPodSelector(), rendered.workload(workload))) {
                continue;
            }
            for (var rule : p.getSpec().getIngress()) {
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    if (peer.getNamespaceSelector() != null) {
                        String name = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                        assertTrue(name != null, p.getMetadata().getName() + " admits namespaces chosen by other labels");
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }

    private static TopologySpreadConstraint spread(Deployment d, String key) {
        return d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().stream()
                .filter(t -> t.getTopologyKey().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + " has no spread over " + key));
    }
}

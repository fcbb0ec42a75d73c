package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.rigledger.deploy.RenderedOverlay.Workload;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Evaluates the rendered NetworkPolicies the way the API defines them, over every pair of workloads
 * and every TCP port they listen on, and compares the connections they allow with exactly the ones
 * the suite makes.
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;

    /** Calls inside the namespace: "from -> to:port". */
    static final Set<String> EXPECTED_INTERNAL = new TreeSet<>(Set.of(
            "procurement-service -> tariff-service:8083",
            "procurement-service -> inventory-service:8082",
            "inventory-service -> procurement-service:8081",
            "tariff-service -> procurement-service:8081",
            "procurement-service -> postgres:5432",
            "inventory-service -> postgres:5432",
            "tariff-service -> postgres:5432",
            "procurement-service -> keycloak:8080",
            "inventory-service -> keycloak:8080",
            "tariff-service -> keycloak:8080",
            // the console calls the three services and Keycloak (code exchange, keys)
            "console -> procurement-service:8081",
            "console -> inventory-service:8082",
            "console -> tariff-service:8083",
            "console -> keycloak:8080",
            // Keycloak keeps its realms in PostgreSQL
            "keycloak -> postgres:5432"));

    /** What callers outside the namespace may reach: "workload:port". */
    static final Set<String> EXPECTED_FROM_OUTSIDE = new TreeSet<>(Set.of(
            "procurement-service:8081", "inventory-service:8082", "tariff-service:8083", "keycloak:8080", "console:8084"));

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aDefaultDenyPolicyCoversEveryPodInBothDirections(String overlay) {
        List<NetworkPolicy> denyAll = RenderedOverlay.of(overlay).all(NetworkPolicy.class).stream()
                .filter(p -> isEmpty(p.getSpec().getPodSelector()))
                .filter(p -> p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")))
                .filter(p -> p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty())
                .toList();
        assertEquals(1, denyAll.size(), overlay + ": one policy selecting all pods with no rules");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsReachExactlyTheCallsTheSuiteMakes(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        List<Workload> workloads = rendered.networkPeers();
        Set<String> allowed = new TreeSet<>();
        for (Workload from : workloads) {
            for (Workload to : workloads) {
                for (ContainerPort port : tcpPorts(to)) {
                    if (egressAllowed(policies, from, to, port) && ingressAllowed(policies, from, to, port)) {
                        allowed.add(from.name() + " -> " + to.name() + ":" + port.getContainerPort());
                    }
                }
            }
        }
        Set<String> expected = new TreeSet<>(EXPECTED_INTERNAL);
        if (!rendered.cnpgClusters().isEmpty()) {
            expected.add("postgres -> postgres:5432"); // streaming replication between the instances
            expected.add("postgres -> postgres:8000"); // the instance managers' status port (primary isolation check)
        }
        if (rendered.get(io.fabric8.kubernetes.api.model.apps.Deployment.class, "keycloak").getSpec().getReplicas() > 1) {
            expected.add("keycloak -> keycloak:7800"); // Infinispan between the Keycloak pods (jdbc-ping stack)
            expected.add("keycloak -> keycloak:57800"); // its failure detection (FD_SOCK2)
        }
        assertEquals(expected, allowed, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void callersOutsideReachOnlyTheApisAndKeycloak(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<NetworkPolicy> policies = rendered.all(NetworkPolicy.class);
        Set<String> reachable = new TreeSet<>();
        for (Workload to : rendered.networkPeers()) {
            for (ContainerPort port : tcpPorts(to)) {
                boolean allowed = policies.stream()
                        .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress") && selects(p.getSpec().getPodSelector(), to))
                        .flatMap(p -> p.getSpec().getIngress().stream())
                        .anyMatch(rule -> portMatches(rule.getPorts(), to, port)
                                && (rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(NetworkPolicyTest::admitsOutside)));
                if (allowed) {
                    reachable.add(to.name() + ":" + port.getContainerPort());
                }
            }
        }
        assertEquals(EXPECTED_FROM_OUTSIDE, reachable, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsCallNothingOutsideTheNamespaceButTheClusterDns(String overlay) {
        for (NetworkPolicy p : RenderedOverlay.of(overlay).all(NetworkPolicy.class)) {
            for (NetworkPolicyEgressRule rule : p.getSpec().getEgress()) {
                String where = overlay + ": NetworkPolicy " + p.getMetadata().getName();
                assertTrue(!rule.getTo().isEmpty(), where + " allows egress to anywhere");
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getIpBlock() != null) {
                        // the one exception: CloudNativePG's instance managers talk to the Kubernetes API server
                        boolean apiServer = p.getMetadata().getName().equals("postgres-egress")
                                && portSet(rule.getPorts()).equals(Set.of("TCP/443", "TCP/6443"))
                                && p.getSpec().getPodSelector().getMatchLabels().equals(Map.of("cnpg.io/cluster", "postgres"));
                        if (!apiServer) {
                            throw new AssertionError(where + " allows egress to " + peer.getIpBlock().getCidr());
                        }
                    }
                    if (peer.getNamespaceSelector() != null) {
                        assertEquals(Map.of("kubernetes.io/metadata.name", "kube-system"),
                                peer.getNamespaceSelector().getMatchLabels(), where);
                        assertEquals(Map.of("k8s-app", "kube-dns"),
                                peer.getPodSelector() == null ? null : peer.getPodSelector().getMatchLabels(), where);
                        assertEquals(Set.of("UDP/53", "TCP/53"), portSet(rule.getPorts()), where + " DNS ports");
                    }
                }
            }
        }
        boolean dnsForAll = RenderedOverlay.of(overlay).all(NetworkPolicy.class).stream()
                .filter(p -> isEmpty(p.getSpec().getPodSelector()))
                .flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> portSet(rule.getPorts()).equals(Set.of("UDP/53", "TCP/53")));
        assertTrue(dnsForAll, overlay + ": no policy lets every pod resolve names");
    }

    // --- the NetworkPolicy semantics, for peers inside this namespace ---

    private static boolean egressAllowed(List<NetworkPolicy> policies, Workload from, Workload to, ContainerPort port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Egress") && selects(p.getSpec().getPodSelector(), from))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> portMatches(rule.getPorts(), to, port)
                        && (rule.getTo().isEmpty() || rule.getTo().stream().anyMatch(peer -> peerIsInNamespace(peer, to))));
    }

    private static boolean ingressAllowed(List<NetworkPolicy> policies, Workload from, Workload to, ContainerPort port) {
        List<NetworkPolicy> selecting = policies.stream()
                .filter(p -> p.getSpec().getPolicyTypes().contains("Ingress") && selects(p.getSpec().getPodSelector(), to))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        return selecting.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch((NetworkPolicyIngressRule rule) -> portMatches(rule.getPorts(), to, port)
                        && (rule.getFrom().isEmpty() || rule.getFrom().stream().anyMatch(peer -> peerIsInNamespace(peer, from))));
    }

    /** A peer matches a pod of this namespace: a podSelector alone, or a namespaceSelector that selects every namespace. */
    private static boolean peerIsInNamespace(NetworkPolicyPeer peer, Workload pod) {
        if (peer.getIpBlock() != null) {
            return false; // pod IPs in ipBlocks are not used here
        }
        if (peer.getNamespaceSelector() != null && !isEmpty(peer.getNamespaceSelector())) {
            return false; // a namespace chosen by labels: not assumed to be this one
        }
        return peer.getPodSelector() == null || selects(peer.getPodSelector(), pod);
    }

    private static boolean admitsOutside(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return true;
        }
        return peer.getNamespaceSelector() != null && (peer.getPodSelector() == null || isEmpty(peer.getPodSelector()));
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, Workload to, ContainerPort port) {
        if (ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort p : ports) {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!protocol.equals(port.getProtocol() == null ? "TCP" : port.getProtocol())) {
                continue;
            }
            IntOrString value = p.getPort();
            if (value == null) {
                return true;
            }
            if (value.getIntVal() != null) {
                int end = p.getEndPort() == null ? value.getIntVal() : p.getEndPort();
                if (port.getContainerPort() >= value.getIntVal() && port.getContainerPort() <= end) {
                    return true;
                }
            } else if (value.getStrVal().equals(port.getName())) {
                return true;
            }
        }
        return false;
    }

    static boolean selects(LabelSelector selector, Workload pod) {
        if (selector == null) {
            return false;
        }
        Map<String, String> labels = pod.podLabels();
        if (selector.getMatchLabels() != null) {
            for (var e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
            String value = labels.get(r.getKey());
            boolean ok = switch (r.getOperator()) {
                case "In" -> value != null && r.getValues().contains(value);
                case "NotIn" -> value == null || !r.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new AssertionError("unknown selector operator " + r.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isEmpty(LabelSelector selector) {
        return selector != null
                && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && selector.getMatchExpressions().isEmpty();
    }

    private static List<ContainerPort> tcpPorts(Workload w) {
        return w.template().getSpec().getContainers().stream()
                .map(Container::getPorts).flatMap(List::stream)
                .filter(p -> p.getProtocol() == null || p.getProtocol().equals("TCP"))
                .toList();
    }

    private static Set<String> portSet(List<NetworkPolicyPort> ports) {
        Set<String> set = new TreeSet<>();
        for (NetworkPolicyPort p : ports) {
            set.add((p.getProtocol() == null ? "TCP" : p.getProtocol()) + "/" + p.getPort().getIntVal());
        }
        return set;
    }
}

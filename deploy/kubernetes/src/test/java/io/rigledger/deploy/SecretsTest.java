package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.rigledger.deploy.RenderedOverlay.Workload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Secrets are referenced by name and key; no secret value is written into a pod spec or a ConfigMap. */
class SecretsTest {

    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;

    /** Secret name to its keys that dev's pods read (dev generates them), with the in-cluster PostgreSQL. */
    static final Map<String, Set<String>> EXPECTED_SECRETS = Map.of(
            "procurement-service-secrets", Set.of("db-password", "oidc-client-secret", "page-cursor-key"),
            "inventory-service-secrets", Set.of("db-password", "oidc-client-secret", "page-cursor-key"),
            "tariff-service-secrets", Set.of("db-password", "oidc-client-secret", "page-cursor-key"),
            "console-secrets", Set.of("oidc-client-secret", "session-secret"),
            "postgres-secrets", Set.of("superuser-password"),
            "keycloak-secrets", Set.of("db-password", "admin-password"));

    /**
     * What prod expects to exist, and what README.md tells an operator to create: with CloudNativePG
     * (components/postgres-cnpg) the database passwords live in one kubernetes.io/basic-auth Secret per
     * role, which the operator and the pods both read.
     */
    static final Map<String, Set<String>> PROD_SECRETS = Map.of(
            "procurement-service-secrets", Set.of("oidc-client-secret", "page-cursor-key"),
            "inventory-service-secrets", Set.of("oidc-client-secret", "page-cursor-key"),
            "tariff-service-secrets", Set.of("oidc-client-secret", "page-cursor-key"),
            "console-secrets", Set.of("oidc-client-secret", "session-secret"),
            "keycloak-secrets", Set.of("admin-password"),
            "procurement-db-credentials", Set.of("password"),
            "inventory-db-credentials", Set.of("password"),
            "tariff-db-credentials", Set.of("password"),
            "keycloak-db-credentials", Set.of("password"));

    /**
     * Names of values that must come from a Secret: a password, secret, token, credential or private part anywhere
     * in the name, or KEY as a word of it (RIGLEDGER_PAGE_CURSOR_KEY, api-key, KEY), though not a longer word that
     * starts with it (KEYCLOAK_URL).
     */
    static final Pattern SENSITIVE = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL).*|(?i)(.*[-_.])?KEY([-_.].*)?");
    private static final Pattern GENERATOR_HASH = Pattern.compile("-[bcdfghkmt2-9]{10}$"); // the hash kustomize appends

    /** What {@link #SENSITIVE} takes for a secret's name and what it leaves (fresh review R-11i: *_KEY was missed). */
    @Test
    void keysCountAsSensitiveButWordsStartingWithKeyDoNot() {
        List<String> sensitive = List.of("RIGLEDGER_PAGE_CURSOR_KEY", "api-key", "KEY", "key.signing", "DB_PASSWORD",
                "OIDC_CLIENT_SECRET", "ACCESS_TOKEN", "private-key-pem", "AWS_CREDENTIALS");
        List<String> plain = List.of("KEYCLOAK_URL", "QUARKUS_OIDC_AUTH_SERVER_URL", "MONKEY_BUSINESS", "KEYS_PER_PAGE", "TURKEY");
        assertEquals(List.of(), sensitive.stream().filter(n -> !SENSITIVE.matcher(n).matches()).toList(), "taken as sensitive");
        assertEquals(List.of(), plain.stream().filter(n -> SENSITIVE.matcher(n).matches()).toList(), "left as plain");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void sensitiveVariablesComeFromSecretKeyReferencesOnly(String overlay) {
        List<String> problems = new ArrayList<>();
        for (Workload w : RenderedOverlay.of(overlay).workloads()) {
            for (Container c : PodConventionsTest.allContainers(w.template().getSpec())) {
                c.getEnvFrom().forEach(from -> {
                    if (from.getSecretRef() != null) {
                        problems.add(w + " " + c.getName() + ": envFrom Secret " + from.getSecretRef().getName()
                                + " (name each variable and key instead)");
                    }
                });
                for (EnvVar v : c.getEnv()) {
                    boolean fromSecret = v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null;
                    if (SENSITIVE.matcher(v.getName()).matches() && !fromSecret) {
                        problems.add(w + " " + c.getName() + ": " + v.getName() + " is not read from a Secret");
                    }
                    if (fromSecret && v.getValue() != null) {
                        problems.add(w + " " + c.getName() + ": " + v.getName() + " has both a value and a Secret reference");
                    }
                }
            }
        }
        for (ConfigMap cm : RenderedOverlay.of(overlay).all(ConfigMap.class)) {
            for (String key : cm.getData().keySet()) {
                if (SENSITIVE.matcher(key).matches()) {
                    problems.add("ConfigMap " + cm.getMetadata().getName() + " holds " + key);
                }
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theServicesReadTheirPasswordAndClientSecretFromTheirOwnSecret(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        for (String service : RenderedOverlay.SERVICES) {
            Map<String, String> env = ServiceEnvironmentTest.environment(rendered, service);
            String database = ServiceEnvironmentTest.DATABASE.get(service);
            Map<String, String> expected = overlay.equals("prod")
                    ? Map.of("DB_PASSWORD", database + "-db-credentials/password", "OIDC_CLIENT_SECRET", service + "-secrets/oidc-client-secret",
                            "RIGLEDGER_PAGE_CURSOR_KEY", service + "-secrets/page-cursor-key")
                    : Map.of("DB_PASSWORD", service + "-secrets/db-password", "OIDC_CLIENT_SECRET", service + "-secrets/oidc-client-secret",
                            "RIGLEDGER_PAGE_CURSOR_KEY", service + "-secrets/page-cursor-key");
            for (var e : expected.entrySet()) {
                String value = env.get(e.getKey());
                assertTrue(value != null && value.startsWith("secret:"), overlay + ": " + service + " " + e.getKey() + " = " + value);
                String[] ref = value.substring("secret:".length()).split("/");
                assertEquals(e.getValue(), baseName(ref[0]) + "/" + ref[1], overlay + ": " + service + " " + e.getKey());
            }
        }
    }

    @Test
    void prodGeneratesNoSecretAndReferencesExactlyTheDocumentedOnes() throws IOException {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        assertEquals(List.of(), prod.all(Secret.class).stream().map(s -> s.getMetadata().getName()).toList(),
                "prod must not carry Secret objects");
        Map<String, Set<String>> referenced = references(prod);
        assertEquals(new TreeMap<>(PROD_SECRETS), referenced, "Secrets and keys that prod's pods read");

        String readme = Files.readString(RenderedOverlay.moduleDir().resolve("README.md"), StandardCharsets.UTF_8);
        PROD_SECRETS.forEach((name, keys) -> {
            assertTrue(readme.contains(name), "README.md does not tell how to create the Secret " + name);
            keys.forEach(key -> assertTrue(readme.contains(name) && readme.contains("--from-literal=" + key + "="),
                    "README.md does not show the key " + key + " of " + name));
        });
    }

    @Test
    void devGeneratesOnlyObviouslyFakeSecretsAndEveryReferenceResolves() throws IOException {
        RenderedOverlay dev = RenderedOverlay.of("dev");
        Map<String, Secret> byName = new TreeMap<>();
        for (Secret s : dev.all(Secret.class)) {
            String name = s.getMetadata().getName();
            assertTrue(GENERATOR_HASH.matcher(name).find(), "dev Secret " + name + " does not come from the secretGenerator");
            s.getData().forEach((key, encoded) -> {
                String value = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                String service = baseName(name).replaceFirst("-secrets$", "");
                if (key.equals("oidc-client-secret")) {
                    // the local launcher's client secrets, so a realm exported from the local stack also works
                    assertEquals(service + "-secret", value, "dev Secret " + name + "/" + key);
                } else {
                    assertTrue(value.startsWith("fake-dev-"), "dev Secret " + name + "/" + key + " does not look fake");
                }
            });
            assertTrue(s.getStringData().isEmpty(), "dev Secret " + name + " has stringData");
            byName.put(name, s);
        }
        Map<String, Set<String>> referenced = references(dev);
        referenced.forEach((name, keys) -> {
            Secret secret = byName.get(name);
            assertTrue(secret != null, "dev references the Secret " + name + " but does not generate it");
            assertTrue(secret.getData().keySet().containsAll(keys), "dev Secret " + name + " lacks some of " + keys);
        });
        Map<String, Set<String>> byBaseName = new TreeMap<>();
        referenced.forEach((name, keys) -> byBaseName.put(baseName(name), keys));
        assertEquals(new TreeMap<>(EXPECTED_SECRETS), byBaseName, "dev reads the Secrets and keys its README section names");
    }

    /**
     * One realm file for dev and prod: each confidential client's secret is the placeholder
     * {@code ${<CLIENT>_CLIENT_SECRET}} (no value in the file), and in every overlay Keycloak gets that
     * variable from the very Secret key the service reads as OIDC_CLIENT_SECRET.
     */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theRealmsClientSecretsArePlaceholdersKeycloakFillsFromTheServicesSecrets(String overlay) throws IOException {
        var realmFile = RenderedOverlay.moduleDir().resolve("../keycloak/realm-rigledger.json").normalize();
        JsonNode realm = new ObjectMapper().readTree(realmFile.toFile());
        Map<String, String> secrets = new TreeMap<>();
        for (JsonNode client : realm.path("clients")) {
            if (client.hasNonNull("secret")) {
                secrets.put(client.get("clientId").asText(), client.get("secret").asText());
            }
        }
        assertEquals(new TreeSet<>(RenderedOverlay.APPS), secrets.keySet(), realmFile + ": the confidential clients");
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        Map<String, String> keycloak = ServiceEnvironmentTest.environment(rendered, "keycloak");
        for (String service : RenderedOverlay.APPS) {
            String variable = service.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET";
            assertEquals("${" + variable + "}", secrets.get(service), realmFile + ": " + service + "'s secret is a placeholder");
            assertEquals(ServiceEnvironmentTest.environment(rendered, service).get("OIDC_CLIENT_SECRET"), keycloak.get(variable),
                    overlay + ": Keycloak's " + variable + " and " + service + "'s OIDC_CLIENT_SECRET come from one Secret key");
        }
        assertTrue(keycloak.get("KC_BOOTSTRAP_ADMIN_PASSWORD").startsWith("secret:"), overlay + ": the admin password comes from a Secret");
    }

    /** Secret name to the keys that pods read, from env references and secret volumes. */
    static Map<String, Set<String>> references(RenderedOverlay rendered) {
        Map<String, Set<String>> referenced = new TreeMap<>();
        for (Workload w : rendered.workloads()) {
            for (Container c : PodConventionsTest.allContainers(w.template().getSpec())) {
                for (EnvVar v : c.getEnv()) {
                    if (v.getValueFrom() != null && v.getValueFrom().getSecretKeyRef() != null) {
                        SecretKeySelector ref = v.getValueFrom().getSecretKeyRef();
                        referenced.computeIfAbsent(ref.getName(), k -> new TreeSet<>()).add(ref.getKey());
                    }
                }
            }
            for (Volume v : w.template().getSpec().getVolumes()) {
                if (v.getSecret() != null) {
                    referenced.computeIfAbsent(v.getSecret().getSecretName(), k -> new TreeSet<>());
                }
            }
        }
        return referenced;
    }

    private static String baseName(String generatedName) {
        return GENERATOR_HASH.matcher(generatedName).replaceFirst("");
    }
}

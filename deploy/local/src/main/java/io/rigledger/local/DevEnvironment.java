package io.rigledger.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a service gets in Kubernetes' dev overlay, as the local stack gives it: one source
 * of configuration for both. The non-secret variables are the literals of the service's ConfigMap
 * generator ({@code deploy/kubernetes/base/<service>/kustomization.yaml}, which the dev overlay and
 * its PostgreSQL component leave as they are) and {@code OIDC_ISSUER} of the ConfigMap
 * {@code oidc-issuer} ({@code deploy/kubernetes/base/kustomization.yaml}); in-cluster host names are
 * mapped to this machine's addresses: {@code postgres:5432}, {@code keycloak:8080} and the services'
 * {@code <service>:<port>} become the local stack's ports. What Kubernetes takes from Secrets comes
 * from the launcher: the database login (the embedded server's superuser), the local client secret and a
 * cursor key made for this run.
 *
 * <p>{@code DevEnvironmentTest} renders the dev overlay with kubectl and checks that this reading
 * gives exactly the rendered ConfigMaps, so the two cannot drift apart.
 */
final class DevEnvironment {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /**
     * RIGLEDGER_PAGE_CURSOR_KEY of the three services (in Kubernetes from {@code <service>-secrets/page-cursor-key}):
     * 32 random bytes made once per launcher run, so cursors of one run are refused by the next.
     */
    static final String CURSOR_KEY = randomKey();

    private DevEnvironment() {
    }

    /** The literals of the ConfigMap generator {@code name} in a kustomization file, in order. */
    static Map<String, String> configMapLiterals(Path kustomization, String name) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(kustomization));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + kustomization, e);
        }
        for (JsonNode generator : root.path("configMapGenerator")) {
            if (name.equals(generator.path("name").asText())) {
                Map<String, String> literals = new LinkedHashMap<>();
                for (JsonNode literal : generator.path("literals")) {
                    String text = literal.asText();
                    int eq = text.indexOf('=');
                    literals.put(text.substring(0, eq), text.substring(eq + 1));
                }
                return literals;
            }
        }
        throw new IllegalStateException(kustomization + " generates no ConfigMap " + name);
    }

    /** The dev ConfigMap {@code <service>-config} as Kubernetes renders it (hosts not yet mapped). */
    static Map<String, String> devConfigMap(Path repositoryRoot, ServiceApp app) {
        Path file = repositoryRoot.resolve("deploy/kubernetes/base").resolve(app.id()).resolve("kustomization.yaml");
        return configMapLiterals(file, app.id() + "-config");
    }

    /** Every variable the local stack starts {@code app} with. */
    static Map<String, String> forService(StackSettings settings, ServiceApp app) {
        Map<String, String> env = new LinkedHashMap<>();
        devConfigMap(settings.root(), app).forEach((key, value) -> env.put(key, toLocal(settings, value)));
        env.put("HTTP_PORT", Integer.toString(settings.port(app)));
        // reached through another address than the public one, like pods through the cluster's
        // Service; the tokens they accept carry the public issuer all the same
        env.put("OIDC_ISSUER", settings.issuerUrl());
        // in Kubernetes from the Secrets; here the embedded server's login and the local client secret
        if (app.database() != null) {
            env.put("DB_USER", StackSettings.DB_USER);
            env.put("DB_PASSWORD", StackSettings.DB_PASSWORD);
        }
        env.put("OIDC_CLIENT_SECRET", app.clientSecret());
        if (app != ServiceApp.CONSOLE) {
            // signs the services' paging cursors; a service restarted in this run keeps accepting its cursors
            env.put("RIGLEDGER_PAGE_CURSOR_KEY", CURSOR_KEY);
        }
        return env;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** In-cluster addresses to this machine's: {@code http://keycloak:8080/...} to the local Keycloak, and so on. */
    static String toLocal(StackSettings settings, String value) {
        String mapped = value.replace("//postgres:5432/", "//localhost:" + settings.postgresPort() + "/");
        String keycloak = settings.backchannelRealmUrl().replaceFirst("/realms/.*$", "");
        mapped = mapped.replace("http://keycloak:8080", keycloak);
        for (ServiceApp other : ServiceApp.values()) {
            mapped = mapped.replace("http://" + other.id() + ":" + other.defaultPort(), settings.serviceUrl(other));
        }
        return mapped;
    }
}

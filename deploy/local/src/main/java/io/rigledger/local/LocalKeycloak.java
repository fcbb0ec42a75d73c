package io.rigledger.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Keycloak from the unpacked distribution, in dev mode, importing the rigledger realm, with
 * a fixed hostname: every token carries the issuer {@link StackSettings#issuerUrl()}, whether it
 * was fetched through localhost, 127.0.0.1 or another address of this machine.
 */
final class LocalKeycloak {

    private LocalKeycloak() {
    }

    /**
     * Copies the realm and the demo users (local and dev only; prod imports the realm alone) into data/import, drops the dev database (data/h2) so the realm file is
     * imported afresh every start, and runs {@code kc.sh start-dev --import-realm} on a Java 21+.
     * The hostname options are Keycloak's hostname v2 ones, set as in Kubernetes: {@code KC_HOSTNAME}
     * (the public URL, so the frontend URLs and {@code iss} never depend on the request) and
     * {@code KC_HOSTNAME_BACKCHANNEL_DYNAMIC=true} (discovery answered on another address names the
     * token and JWKS endpoints at that address, so the services may use an internal one).
     */
    static ChildProcess launch(StackSettings settings, Path logFile) {
        return launch(settings, logFile, true);
    }

    /**
     * As {@link #launch(StackSettings, Path)}; with {@code freshData} false the dev database is kept,
     * so a Keycloak started again after a crash has the same realm keys and sessions (the import
     * skips a realm that exists), as a deployment with its own database would.
     */
    static ChildProcess launch(StackSettings settings, Path logFile, boolean freshData) {
        Path home = settings.keycloakHome();
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new StartupFailure("keycloak", "is not unpacked at " + home
                    + " (build it: ./run.sh --build)", null, "");
        }
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            // Keycloak's directory import reads <realm>-realm.json and its users from <realm>-users-<n>.json
            Files.copy(settings.realmFile(), importDir.resolve(StackSettings.REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.copy(settings.demoUsersFile(), importDir.resolve(StackSettings.REALM + "-users-0.json"), StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(importDir.resolve("realm-rigledger.json"));
            if (freshData) {
                deleteTree(home.resolve("data/h2"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + home + "/data", e);
        }

        Map<String, String> env = new HashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", StackSettings.KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", StackSettings.KEYCLOAK_ADMIN_PASSWORD);
        env.put("KC_HOSTNAME", settings.keycloakHostname());
        env.put("KC_HOSTNAME_BACKCHANNEL_DYNAMIC", "true");
        // the realm file's client secrets are ${...} placeholders (the same file serves dev and prod);
        // locally they are the placeholder secrets the services are given as OIDC_CLIENT_SECRET
        for (ServiceApp app : ServiceApp.values()) {
            env.put(app.clientSecretVariable(), app.clientSecret());
        }
        Optional<Path> jdk = Jdks.atLeast(21);
        if (jdk.isPresent()) {
            env.put("JAVA_HOME", jdk.get().toString());
            LocalStack.say("keycloak runs on " + jdk.get());
        } else {
            LocalStack.say("no JDK 21+ found (JAVA21_HOME, JAVA_HOME, /usr/lib/jvm); Keycloak gets the default java");
        }
        List<String> command = List.of("bash", kcSh.toString(), "start-dev",
                "--http-port=" + settings.keycloakPort(), "--import-realm");
        return ChildProcess.launch("keycloak", command, env, home, logFile);
    }

    static String readinessUrl(StackSettings settings) {
        // answers 200 only once the rigledger realm has been imported; asked where the services ask
        return settings.backchannelRealmUrl() + "/.well-known/openid-configuration";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}

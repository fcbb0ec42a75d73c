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

/** A real Keycloak from the unpacked distribution, in dev mode, importing the rigledger realm. */
final class LocalKeycloak {

    private LocalKeycloak() {
    }

    /**
     * Copies the realm into data/import, drops the dev database (data/h2) so the realm file is
     * imported afresh every start, and runs {@code kc.sh start-dev --import-realm} on a Java 21+.
     */
    static ChildProcess launch(StackSettings settings, Path logFile) {
        Path home = settings.keycloakHome();
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcSh)) {
            throw new StartupFailure("keycloak", "is not unpacked at " + home
                    + " (build it: ./run.sh --build)", null, "");
        }
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(settings.realmFile(), importDir.resolve("realm-rigledger.json"), StandardCopyOption.REPLACE_EXISTING);
            deleteTree(home.resolve("data/h2"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + home + "/data", e);
        }

        Map<String, String> env = new HashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", StackSettings.KEYCLOAK_ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", StackSettings.KEYCLOAK_ADMIN_PASSWORD);
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
        // answers 200 only once the rigledger realm has been imported
        return settings.issuerUrl() + "/.well-known/openid-configuration";
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

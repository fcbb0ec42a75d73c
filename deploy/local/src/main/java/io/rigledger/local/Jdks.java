package io.rigledger.local;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds a JDK new enough for Keycloak (26.x wants Java 21 or later). */
final class Jdks {

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?([0-9]+)");

    private Jdks() {
    }

    /**
     * The first of: $JAVA21_HOME, $JAVA_HOME if it is 21+, the JDK running this launcher if 21+,
     * the newest 21+ JDK under /usr/lib/jvm. Empty when there is none.
     */
    static Optional<Path> atLeast(int feature) {
        List<Path> candidates = new ArrayList<>();
        env("JAVA21_HOME").ifPresent(candidates::add);
        env("JAVA_HOME").ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        for (Path home : candidates) {
            if (featureVersion(home).orElse(0) >= feature && Files.isExecutable(home.resolve("bin/java"))) {
                return Optional.of(home);
            }
        }
        return scan(Path.of("/usr/lib/jvm"), feature);
    }

    static Optional<Path> scan(Path dir, int feature) {
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> homes = Files.newDirectoryStream(dir)) {
                for (Path home : homes) {
                    if (featureVersion(home).orElse(0) >= feature && Files.isExecutable(home.resolve("bin/java"))) {
                        found.add(home.toRealPath());
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return found.stream().distinct()
                .max(Comparator.comparingInt((Path h) -> featureVersion(h).orElse(0)).thenComparing(Path::toString));
    }

    /** The feature release (17, 21, 25 ...) named by a JDK's {@code release} file. */
    static Optional<Integer> featureVersion(Path javaHome) {
        Path release = javaHome.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(release)) {
                Matcher m = JAVA_VERSION.matcher(line.trim());
                if (m.find()) {
                    int major = Integer.parseInt(m.group(1));
                    if (major == 1) { // 1.8.0_x style
                        return Optional.of(8);
                    }
                    return Optional.of(major);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<Path> env(String name) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Path.of(v));
    }
}

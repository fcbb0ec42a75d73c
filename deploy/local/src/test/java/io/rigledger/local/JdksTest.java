package io.rigledger.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JdksTest {

    @TempDir
    Path jvms;

    @Test
    void readsTheFeatureReleaseFromTheReleaseFile() throws IOException {
        assertEquals(Optional.of(25), Jdks.featureVersion(jdk("temurin-25", "JAVA_VERSION=\"25.0.1\"")));
        assertEquals(Optional.of(17), Jdks.featureVersion(jdk("openjdk-17", "JAVA_VERSION=\"17.0.15\"")));
        assertEquals(Optional.of(8), Jdks.featureVersion(jdk("jdk8", "JAVA_VERSION=\"1.8.0_402\"")));
        assertEquals(Optional.empty(), Jdks.featureVersion(jvms.resolve("nothing-here")));
    }

    @Test
    void scanPicksTheNewestJdkThatIsNewEnough() throws IOException {
        jdk("openjdk-17", "JAVA_VERSION=\"17.0.15\"");
        Path jdk21 = jdk("temurin-21", "JAVA_VERSION=\"21.0.5\"");
        Path jdk25 = jdk("temurin-25", "JAVA_VERSION=\"25\"");

        assertEquals(Optional.of(jdk25.toRealPath()), Jdks.scan(jvms, 21));
        assertEquals(Optional.empty(), Jdks.scan(jvms, 26));
        Files.delete(jdk25.resolve("bin/java"));
        assertEquals(Optional.of(jdk21.toRealPath()), Jdks.scan(jvms, 21));
    }

    private Path jdk(String name, String versionLine) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\n" + versionLine + "\n");
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        return home;
    }
}

package io.rigledger.images;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Builds one service's container image as a tar archive (Docker image format, loadable with
 * {@code docker load}, {@code podman load}, {@code skopeo copy docker-archive:...}) with Jib's core
 * library, without a Docker daemon and without pulling anything: the image starts from scratch.
 *
 * <p>Layers, from the bottom:
 * <ol>
 *   <li>{@code jre}: the tree made by {@code build-jre-rootfs.sh}: a jlink'ed Java runtime in
 *       {@code /opt/java}, the shared libraries it links (glibc, zlib, libstdc++), {@code /etc/passwd}
 *       with the user {@code rigledger} (uid and gid 185) and {@code /tmp};</li>
 *   <li>the Quarkus fast-jar folder {@code target/quarkus-app} in {@code /deployments}, split as
 *       Quarkus's own container builders split it, from least to most often changed:
 *       {@code lib/boot}, {@code lib/main}, {@code quarkus-run.jar} with {@code quarkus/}, {@code app/}.</li>
 * </ol>
 * The image runs as the numeric user {@code 185:185} (Kubernetes' runAsNonRoot can check a number,
 * not a name), exposes the service's HTTP port and starts {@code /opt/java/bin/java -jar
 * /deployments/quarkus-run.jar}. Its creation time and file times are fixed, so the same inputs give
 * the same image digest.
 *
 * <p>Arguments: {@code QUARKUS_APP_DIR JRE_ROOTFS_DIR IMAGE_REFERENCE HTTP_PORT OUTPUT_TAR CACHE_DIR}.
 * Exits with status 2 and a message on wrong arguments or a missing input folder.
 */
public final class ServiceImage {

    /** The numeric user and group the services run as; the deployments' runAsUser must be the same. */
    public static final String USER = "185:185";
    /** Where the Quarkus fast-jar folder lies inside the image. */
    public static final String APP_DIR = "/deployments";

    /**
     * The JVM options of the entrypoint: heap from the container's memory limit (70 %, leaving the
     * rest for metaspace, threads and direct buffers), the serial collector, exit on OutOfMemoryError so
     * Kubernetes restarts the pod, JBoss LogManager as Quarkus expects, no display. SerialGC is what the JVM's
     * ergonomics pick anyway under the pods' limits (fewer than 2 CPUs or less than 1,792 MB), now said rather
     * than left to them: a small heap of short-lived request garbage, collected by one thread in short pauses,
     * where G1's parallel phases wait for their slowest worker on a busy node (docs/orders.md "Speed").
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-XX:MaxRAMPercentage=70",
            "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
            "-Djava.awt.headless=true");

    private static final Logger LOG = Logger.getLogger(ServiceImage.class.getName());

    private ServiceImage() {
    }

    /**
     * Builds the image tar.
     *
     * @param args quarkus-app folder, JRE root folder, image reference ({@code registry/name:tag}),
     *             HTTP port, output tar path, Jib cache folder
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            usage("expected 6 arguments, got " + args.length);
        }
        Path app = Path.of(args[0]);
        Path jre = Path.of(args[1]);
        String reference = args[2];
        int port = Integer.parseInt(args[3]);
        Path output = Path.of(args[4]);
        Path cache = Path.of(args[5]);
        for (Path required : List.of(app.resolve("quarkus-run.jar"), jre.resolve("opt/java/bin/java"))) {
            if (!Files.exists(required)) {
                usage(required + " does not exist (build the service and the JRE tree first)");
            }
        }
        Files.createDirectories(output.toAbsolutePath().getParent());
        JibContainer container = build(app, jre, reference, port, output, cache);
        LOG.info(() -> "built " + reference + " (" + container.getDigest() + ") into " + output);
    }

    /** Builds the image from the given folders into {@code output}; see the class comment for the layout. */
    static JibContainer build(Path app, Path jre, String reference, int port, Path output, Path cache)
            throws IOException, InvalidImageReferenceException, InterruptedException, ExecutionException,
            RegistryException, CacheDirectoryCreationException {
        AbsoluteUnixPath deployments = AbsoluteUnixPath.get(APP_DIR);
        List<String> entrypoint = new ArrayList<>();
        entrypoint.add("/opt/java/bin/java");
        entrypoint.addAll(JVM_OPTIONS);
        entrypoint.add("-jar");
        entrypoint.add(APP_DIR + "/quarkus-run.jar");

        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JAVA_HOME", "/opt/java");
        environment.put("PATH", "/opt/java/bin");
        environment.put("LANG", "C.UTF-8");

        JibContainerBuilder builder = Jib.fromScratch()
                .setFormat(ImageFormat.Docker)
                .addFileEntriesLayer(rootLayer("jre", jre))
                .addFileEntriesLayer(layer("boot-libs", app.resolve("lib/boot"), deployments.resolve("lib/boot")))
                .addFileEntriesLayer(layer("main-libs", app.resolve("lib/main"), deployments.resolve("lib/main")))
                .addFileEntriesLayer(quarkusLayer(app, deployments))
                .addFileEntriesLayer(layer("app", app.resolve("app"), deployments.resolve("app")))
                .setEntrypoint(entrypoint)
                .setProgramArguments(List.of())
                .setEnvironment(environment)
                .setExposedPorts(Set.of(Port.tcp(port)))
                .setUser(USER)
                .setWorkingDirectory(deployments)
                .setCreationTime(Instant.EPOCH)
                .addLabel("org.opencontainers.image.title", reference.substring(reference.lastIndexOf('/') + 1, reference.lastIndexOf(':')));
        Containerizer containerizer = Containerizer.to(TarImage.at(output).named(reference))
                .setOfflineMode(true)
                .setBaseImageLayersCache(cache.resolve("base"))
                .setApplicationLayersCache(cache.resolve("application"))
                .setToolName("rigledger-service-image");
        return builder.containerize(containerizer);
    }

    /** quarkus-run.jar and the quarkus/ folder (generated bytecode, application model): one layer. */
    private static FileEntriesLayer quarkusLayer(Path app, AbsoluteUnixPath deployments) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("quarkus");
        layer.addEntry(app.resolve("quarkus-run.jar"), deployments.resolve("quarkus-run.jar"), FilePermissions.DEFAULT_FILE_PERMISSIONS);
        layer.addEntryRecursive(app.resolve("quarkus"), deployments.resolve("quarkus"), ServiceImage::permissions,
                FileEntriesLayer.DEFAULT_MODIFICATION_TIME_PROVIDER);
        return layer.build();
    }

    /** Everything under {@code source} at the image's root (the root itself is not an entry of its own). */
    private static FileEntriesLayer rootLayer(String name, Path source) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        try (Stream<Path> children = Files.list(source)) {
            for (Path child : children.sorted().toList()) {
                layer.addEntryRecursive(child, AbsoluteUnixPath.get("/" + child.getFileName()), ServiceImage::permissions,
                        FileEntriesLayer.DEFAULT_MODIFICATION_TIME_PROVIDER);
            }
        }
        return layer.build();
    }

    private static FileEntriesLayer layer(String name, Path source, AbsoluteUnixPath target) throws IOException {
        return FileEntriesLayer.builder().setName(name)
                .addEntryRecursive(source, target, ServiceImage::permissions, FileEntriesLayer.DEFAULT_MODIFICATION_TIME_PROVIDER)
                .build();
    }

    /**
     * The file's own permission bits (executables stay executable), but never writable by anyone
     * but root: the image's files are read-only for the service's user. Directories keep 755.
     */
    private static FilePermissions permissions(Path source, AbsoluteUnixPath target) {
        try {
            if (Files.isDirectory(source)) {
                return target.toString().equals("/tmp") ? FilePermissions.fromOctalString("777") : FilePermissions.DEFAULT_FOLDER_PERMISSIONS;
            }
            Set<PosixFilePermission> posix = Files.getPosixFilePermissions(source);
            return posix.contains(PosixFilePermission.OWNER_EXECUTE)
                    ? FilePermissions.fromOctalString("755") : FilePermissions.DEFAULT_FILE_PERMISSIONS;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the permissions of " + source, e);
        }
    }

    private static void usage(String problem) {
        LOG.severe(() -> problem + "\nusage: ServiceImage QUARKUS_APP_DIR JRE_ROOTFS_DIR IMAGE_REFERENCE HTTP_PORT OUTPUT_TAR CACHE_DIR");
        System.exit(2);
    }
}

package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

/**
 * The configuration a service reads, taken from its own sources: the keys and the {@code ${VAR}} /
 * {@code ${VAR:default}} references of {@code src/main/resources/application.properties} (the
 * {@code %test} and {@code %dev} profiles left out: pods run the prod profile), and the properties of
 * every {@code @ConfigMapping} interface in the service's and the platform module's compiled classes
 * (read with Jandex, nothing is loaded). Environment variables map to property names by SmallRye
 * Config's rule: every character that is not a letter or digit becomes {@code _}, then upper case.
 *
 * <p>{@link #problems} compares this with the environment a manifest gives the service's container.
 *
 * @param service          e.g. {@code tariff-service}
 * @param references       environment variable to whether application.properties gives it a default
 * @param propertyKeys     every property key of application.properties (prod profile prefix removed)
 * @param mappingRequired  @ConfigMapping properties with no default and no value in application.properties
 * @param mappingKeys      every @ConfigMapping property (groups expanded), e.g. {@code rigledger.rate-limit.requests}
 * @param quarkus          the properties Quarkus's own extensions read ({@code QUARKUS_*} variables), with their phase
 */
record ServiceConfigKeys(String service, Map<String, Boolean> references, Set<String> propertyKeys,
        Set<String> mappingRequired, Set<String> mappingKeys, QuarkusConfigModel quarkus) {

    /**
     * Variables a manifest may leave out although the service reads them, each with its reason.
     * Everything else the service reads must be set by every overlay, so that a new setting cannot
     * silently stay at its local default in a cluster.
     */
    static final Map<String, String> MAY_BE_LEFT_AT_DEFAULT = Map.of(
            "OTEL_EXPORTER_OTLP_ENDPOINT", "tracing is off (OTEL_SDK_DISABLED=true) until a collector and its egress policy exist",
            "HTTP_TRUSTED_PROXIES", "only read when HTTP_PROXY_FORWARDING=true, which dev (no ingress) leaves off");

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final DotName CONFIG_MAPPING = DotName.createSimple("io.smallrye.config.ConfigMapping");
    private static final DotName WITH_DEFAULT = DotName.createSimple("io.smallrye.config.WithDefault");
    private static final DotName WITH_NAME = DotName.createSimple("io.smallrye.config.WithName");
    private static final DotName WITH_PARENT_NAME = DotName.createSimple("io.smallrye.config.WithParentName");
    private static final Set<String> OPTIONAL_TYPES = Set.of("java.util.Optional", "java.util.OptionalInt",
            "java.util.OptionalLong", "java.util.OptionalDouble", "java.util.Map");

    /** Reads the service folder next to deploy/ (and platform/), failing with a hint when it is not compiled. */
    static ServiceConfigKeys of(String service) {
        Path root = RenderedOverlay.moduleDir().resolve("../..").normalize();
        return read(service, root.resolve(service + "/src/main/resources/application.properties"),
                List.of(root.resolve(service + "/target/classes"), root.resolve("platform/target/classes")),
                QuarkusConfigModel.of(service));
    }

    static ServiceConfigKeys read(String service, Path applicationProperties, List<Path> classDirs,
            QuarkusConfigModel quarkus) {
        Map<String, Boolean> references = new TreeMap<>();
        Set<String> keys = new TreeSet<>();
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(applicationProperties, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            return fail("cannot read " + applicationProperties + ": " + e);
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue; // %test, %dev: not what a pod runs
            }
            keys.add(key.replaceFirst("^%prod\\.", ""));
            Matcher m = REFERENCE.matcher(properties.getProperty(key));
            while (m.find()) {
                references.merge(m.group(1), m.group(2) != null, Boolean::logicalAnd);
            }
        }
        Set<String> mappingKeys = new TreeSet<>();
        Set<String> mappingRequired = new TreeSet<>();
        Index index = index(service, classDirs);
        for (AnnotationInstance mapping : index.getAnnotations(CONFIG_MAPPING)) {
            ClassInfo type = mapping.target().asClass();
            String prefix = mapping.value("prefix") == null ? "" : mapping.value("prefix").asString();
            walk(index, type, prefix, keys, mappingKeys, mappingRequired);
        }
        return new ServiceConfigKeys(service, references, keys, mappingRequired, mappingKeys, quarkus);
    }

    /** The property names an environment variable can stand for are those whose env form equals it. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * What is wrong with {@code environment} (variable names a manifest sets on the container) for this
     * service: variables it sets that the service never reads, and variables (or mapping properties)
     * the service reads that it leaves out. Empty when they agree.
     */
    List<String> problems(String where, Set<String> environment) {
        Set<String> readable = new TreeSet<>(references.keySet());
        propertyKeys.forEach(k -> readable.add(environmentName(k)));
        mappingKeys.forEach(k -> readable.add(environmentName(k)));
        List<String> problems = new ArrayList<>();
        for (String name : new TreeSet<>(environment)) {
            if (name.startsWith("QUARKUS_")) {
                quarkusProblem(where, name).ifPresent(problems::add);
            } else if (!readable.contains(name)) {
                problems.add(where + " sets " + name + ", which " + service + " does not read (no ${" + name
                        + "} in its application.properties, no property or @ConfigMapping key of that name)");
            }
        }
        references.forEach((name, hasDefault) -> {
            if (!environment.contains(name) && !MAY_BE_LEFT_AT_DEFAULT.containsKey(name)) {
                problems.add(where + " does not set " + name + ", which " + service + " reads"
                        + (hasDefault ? " (its default is for a local run)" : " and has no default for"));
            }
        });
        for (String property : mappingRequired) {
            if (!environment.contains(environmentName(property))) {
                problems.add(where + " does not set " + environmentName(property) + ": " + service
                        + " requires " + property + " (@ConfigMapping without a default)");
            }
        }
        return problems;
    }

    /**
     * A {@code QUARKUS_*} variable is read by Quarkus itself when one of the service's extensions has a
     * run-time property of that name; a build-time one is fixed in the packaged application, so setting
     * it on a pod changes nothing.
     */
    private java.util.Optional<String> quarkusProblem(String where, String name) {
        java.util.Optional<String> phase = quarkus.phase(name);
        if (phase.isEmpty() && references.containsKey(name)) {
            return java.util.Optional.empty(); // an application.properties ${QUARKUS_...} reference
        }
        if (phase.isEmpty()) {
            return java.util.Optional.of(where + " sets " + name + ", which no Quarkus extension of " + service
                    + " reads (no such property in their config model) and no ${" + name + "} in its application.properties");
        }
        if (!phase.get().equals("RUN_TIME")) {
            return java.util.Optional.of(where + " sets " + name + ", a " + phase.get() + " property of Quarkus: it is"
                    + " fixed when " + service + " is built, so a pod's environment cannot change it");
        }
        return java.util.Optional.empty();
    }

    private static void walk(Index index, ClassInfo type, String prefix, Set<String> propertyKeys,
            Set<String> mappingKeys, Set<String> mappingRequired) {
        for (MethodInfo method : type.methods()) {
            if (method.isStaticInitializer() || method.isConstructor() || Modifier.isStatic(method.flags())
                    || !Modifier.isAbstract(method.flags()) || method.parametersCount() > 0) {
                continue;
            }
            String name = method.hasAnnotation(WITH_NAME) ? method.annotation(WITH_NAME).value().asString() : kebab(method.name());
            String key = method.hasAnnotation(WITH_PARENT_NAME) ? prefix : prefix.isEmpty() ? name : prefix + "." + name;
            Type returned = method.returnType();
            ClassInfo group = index.getClassByName(returned.name());
            if (group != null && group.isInterface()) {
                walk(index, group, key, propertyKeys, mappingKeys, mappingRequired);
                continue;
            }
            mappingKeys.add(key);
            boolean optional = OPTIONAL_TYPES.contains(returned.name().toString());
            if (!optional && !method.hasAnnotation(WITH_DEFAULT) && !propertyKeys.contains(key)) {
                mappingRequired.add(key);
            }
        }
    }

    /** SmallRye Config's default naming: {@code maxUriLength} becomes {@code max-uri-length}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Index index(String service, List<Path> classDirs) {
        Indexer indexer = new Indexer();
        for (Path dir : classDirs) {
            if (!Files.isDirectory(dir)) {
                fail(dir + " does not exist: the config-key comparison reads " + service + "'s compiled @ConfigMapping"
                        + " interfaces. Build it first: ./mvnw -pl deploy/kubernetes -am verify (or package the service).");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        indexer.index(in);
                    }
                }
            } catch (IOException e) {
                fail("cannot index " + dir + ": " + e);
            }
        }
        return indexer.complete();
    }
}

package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * One source of configuration: the environment each service's container gets from the rendered
 * overlay is exactly what the service reads (application.properties and its @ConfigMapping
 * interfaces, see {@link ServiceConfigKeys}). A variable the manifest sets that the service ignores,
 * or one the service reads that the manifest leaves out, fails.
 */
class ConfigKeysTest {

    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
    static final List<String> VARIANTS = RenderedOverlay.VARIANTS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyOverlayGivesEachServiceExactlyTheSettingsItReads(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : RenderedOverlay.APPS) {
            Set<String> environment = ServiceEnvironmentTest.environment(rendered, service).keySet();
            problems.addAll(ServiceConfigKeys.of(service).problems(overlay + ": " + service, environment));
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("VARIANTS")
    void everyComponentVariantGivesEachServiceExactlyTheSettingsItReads(String variant) {
        RenderedOverlay rendered = RenderedOverlay.variant(variant);
        List<String> problems = new ArrayList<>();
        for (String service : RenderedOverlay.APPS) {
            Set<String> environment = ServiceEnvironmentTest.environment(rendered, service).keySet();
            problems.addAll(ServiceConfigKeys.of(service).problems(variant + ": " + service, environment));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theComparisonReadsTheConfigMappingInterfacesOfTheServiceAndThePlatform() {
        ServiceConfigKeys tariff = ServiceConfigKeys.of("tariff-service");
        assertTrue(tariff.mappingKeys().contains("rigledger.schedule.poll-interval"), tariff.mappingKeys().toString());
        assertTrue(tariff.mappingKeys().contains("rigledger.rate-limit.requests"), "platform's PlatformConfig");
        assertTrue(tariff.mappingKeys().contains("rigledger.dates.entry.max-ahead"), "nested groups");
        assertTrue(tariff.references().containsKey("SCHEDULE_POLL_INTERVAL"), tariff.references().toString());
        ServiceConfigKeys procurement = ServiceConfigKeys.of("procurement-service");
        assertTrue(procurement.mappingKeys().contains("rigledger.procurement.upstream.connect-timeout-ms"));
        assertTrue(procurement.references().keySet().containsAll(Set.of("TARIFF_URL", "INVENTORY_URL")));
        assertEquals("RIGLEDGER_RATE_LIMIT_MAX_CALLERS", ServiceConfigKeys.environmentName("rigledger.rate-limit.max-callers"));
    }

    @Test
    void aMisspeltVariableFailsTwiceAsIgnoredAndAsMissing() {
        RenderedOverlay broken = RenderedOverlay.fixture("config-keys-broken");
        Set<String> environment = ServiceEnvironmentTest.environment(broken, "tariff-service").keySet();
        List<String> problems = ServiceConfigKeys.of("tariff-service").problems("fixture", environment);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("fixture sets SCHEDULE_POLL_INTERVALL, which tariff-service does not read"), problems.get(0));
        assertTrue(problems.get(1).startsWith("fixture does not set SCHEDULE_POLL_INTERVAL, which tariff-service reads"), problems.get(1));
    }

    @Test
    void aMappingPropertyWithoutDefaultOrValueMustComeFromTheManifest() {
        Path root = RenderedOverlay.moduleDir().resolve("../..").normalize();
        ServiceConfigKeys keys = ServiceConfigKeys.read("tariff-service",
                RenderedOverlay.moduleDir().resolve("src/test/fixtures/config-keys/tariff-without-poll-interval.properties"),
                List.of(root.resolve("tariff-service/target/classes"), root.resolve("platform/target/classes")),
                QuarkusConfigModel.of("tariff-service"));
        assertEquals(Set.of("rigledger.schedule.poll-interval"), keys.mappingRequired());
        List<String> problems = keys.problems("fixture", Set.of("HTTP_PORT", "DB_URL"));
        assertEquals(List.of("fixture does not set RIGLEDGER_SCHEDULE_POLL_INTERVAL: tariff-service requires"
                + " rigledger.schedule.poll-interval (@ConfigMapping without a default)"), problems);
        assertEquals(List.of(), keys.problems("fixture", Set.of("HTTP_PORT", "DB_URL", "RIGLEDGER_SCHEDULE_POLL_INTERVAL")),
                "the mapping property set by its environment form");
    }

    @Test
    void quarkusOwnVariablesAreReadWhenAnExtensionHasThemAtRunTime() {
        ServiceConfigKeys keys = ServiceConfigKeys.of("tariff-service");
        Set<String> base = ServiceEnvironmentTest.environment(RenderedOverlay.of("dev"), "tariff-service").keySet();
        Set<String> environment = new java.util.TreeSet<>(base);
        environment.add("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"); // agroal, run time
        environment.add("QUARKUS_DATASOURCE_REPORTS_JDBC_MAX_SIZE"); // the same under a named datasource
        environment.add("QUARKUS_LOG_LEVEL"); // core, run time
        assertEquals(List.of(), keys.problems("fixture", environment));
    }

    @Test
    void quarkusVariablesFixedAtBuildTimeOrUnknownAreProblems() {
        ServiceConfigKeys keys = ServiceConfigKeys.of("tariff-service");
        Set<String> environment = new java.util.TreeSet<>(
                ServiceEnvironmentTest.environment(RenderedOverlay.of("dev"), "tariff-service").keySet());
        environment.add("QUARKUS_DATASOURCE_DB_KIND"); // build time
        environment.add("QUARKUS_DATASOURCE_JDBC_MAX_SIZ"); // misspelt
        List<String> problems = keys.problems("fixture", environment);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("fixture sets QUARKUS_DATASOURCE_DB_KIND, a BUILD_AND_RUN_TIME_FIXED property of Quarkus"),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("fixture sets QUARKUS_DATASOURCE_JDBC_MAX_SIZ, which no Quarkus extension"),
                problems.get(1));
    }
}

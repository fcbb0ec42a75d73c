package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * Custom resources (the CloudNativePG Cluster and Databases) validated offline against the
 * openAPIV3Schema of the CRDs vendored in crds/ (crds/cloudnative-pg-1.30.0/README.md gives their
 * source). Like the API server with strict field validation, a field the schema does not define fails,
 * except under x-kubernetes-preserve-unknown-fields.
 */
class CrdSchemaTest {

    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** "group/version/Kind" to the version's schema, from every CRD under crds/. */
    private static final Map<String, JsonSchema> SCHEMAS = loadSchemas(RenderedOverlay.moduleDir().resolve("crds"));

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyCustomResourceMatchesItsVendoredCrd(String overlay) {
        assertEquals(List.of(), problems(RenderedOverlay.of(overlay)), overlay);
    }

    @Test
    void prodRunsAThreeInstanceCnpgClusterWithADatabaseAndOwnerPerService() {
        RenderedOverlay prod = RenderedOverlay.of("prod");
        GenericKubernetesResource cluster = prod.cnpgClusters().get(0);
        assertEquals(3, ((Number) cluster.get("spec", "instances")).intValue());
        Map<String, String> owners = new TreeMap<>();
        prod.all(GenericKubernetesResource.class).stream().filter(o -> o.getKind().equals("Database"))
                .forEach(d -> owners.put((String) d.get("spec", "name"), (String) d.get("spec", "owner")));
        assertEquals(Map.of("procurement", "procurement", "inventory", "inventory", "tariff", "tariff"), owners);
        assertEquals("keycloak", cluster.get("spec", "bootstrap", "initdb", "owner"));
        for (String service : RenderedOverlay.SERVICES) {
            String database = ServiceEnvironmentTest.DATABASE.get(service);
            assertEquals("jdbc:postgresql://postgres-rw:5432/" + database,
                    ServiceEnvironmentTest.environment(prod, service).get("DB_URL"), "prod connects to the primary");
        }
        assertTrue(prod.find(StatefulSet.class, "postgres").isEmpty(),
                "prod renders no in-cluster StatefulSet beside the Cluster");
    }

    @Test
    void aClusterWithAWrongTypeAMisspeltFieldAndAMissingRequiredOneFails() {
        List<String> problems = problems(RenderedOverlay.fixture("cnpg-broken"));
        String all = String.join("\n", problems);
        assertTrue(all.contains("$.spec.instances") && all.contains("integer"), all);
        assertTrue(all.contains("sise"), all);
        assertTrue(all.contains("$.spec.managed.roles[0]") && all.contains("name"), all);
        assertEquals(3, problems.size(), all);
    }

    static boolean hasVendoredCrd(GenericKubernetesResource object) {
        return SCHEMAS.containsKey(object.getApiVersion() + "/" + object.getKind());
    }

    static List<String> problems(RenderedOverlay rendered) {
        List<String> problems = new ArrayList<>();
        List<GenericKubernetesResource> custom = rendered.all(GenericKubernetesResource.class);
        for (GenericKubernetesResource object : custom) {
            String key = object.getApiVersion() + "/" + object.getKind();
            JsonSchema schema = SCHEMAS.get(key);
            String where = key + " " + object.getMetadata().getName() + ": ";
            if (schema == null) {
                problems.add(where + "no vendored CRD in crds/");
                continue;
            }
            for (ValidationMessage m : schema.validate(JSON.valueToTree(object))) {
                problems.add(where + m.getMessage());
            }
        }
        return problems;
    }

    private static Map<String, JsonSchema> loadSchemas(Path dir) {
        Map<String, JsonSchema> schemas = new TreeMap<>();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                CustomResourceDefinition crd = SERIALIZATION.unmarshal(Files.readString(file), CustomResourceDefinition.class);
                for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
                    JsonNode schema = JSON.valueToTree(version.getSchema().getOpenAPIV3Schema());
                    strict(schema);
                    schemas.put(crd.getSpec().getGroup() + "/" + version.getName() + "/" + crd.getSpec().getNames().getKind(),
                            factory.getSchema(schema));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(schemas.isEmpty(), "no CRDs under " + dir);
        return schemas;
    }

    /**
     * Makes a structural schema as strict as the API server: objects with listed properties accept no
     * other field unless they preserve unknown fields; the x-kubernetes-* markers are dropped (JSON
     * Schema does not know them).
     */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
            if (object.has("properties") && !object.has("additionalProperties") && !preserve) {
                object.put("additionalProperties", false);
            }
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                if (names.next().startsWith("x-kubernetes-")) {
                    names.remove();
                }
            }
            object.elements().forEachRemaining(CrdSchemaTest::strict);
        } else if (node != null && node.isArray()) {
            node.elements().forEachRemaining(CrdSchemaTest::strict);
        }
    }
}

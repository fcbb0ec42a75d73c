package io.rigledger.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The offline schema check: every rendered document must deserialize into fabric8's typed model of
 * its apiVersion and kind, with no field the model does not know (a misspelt or misplaced field
 * lands in a model's additionalProperties, which must therefore be empty everywhere), and with
 * every value of the type the schema gives (a wrong type fails deserialization). Custom resources
 * (CloudNativePG) have no typed model: {@link CrdSchemaTest} checks them against their vendored CRD.
 */
class ManifestSchemaTest {

    static final List<String> OVERLAYS = RenderedOverlay.OVERLAYS;
    static final List<String> VARIANTS = RenderedOverlay.VARIANTS;

    @ParameterizedTest
    @FieldSource("VARIANTS")
    void everyComponentVariantParsesIntoTypedModelsWithoutUnknownFields(String variant) {
        RenderedOverlay rendered = RenderedOverlay.variant(variant);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rendered.documents.size(); i++) {
            if (!(rendered.parsed.get(i) instanceof HasMetadata) || rendered.parsed.get(i) instanceof GenericKubernetesResource) {
                problems.add("not a typed Kubernetes object:\n" + rendered.documents.get(i));
            }
        }
        for (HasMetadata object : rendered.objects()) {
            walk(object, object.getKind() + "/" + object.getMetadata().getName(), problems, new HashSet<>());
        }
        assertEquals(List.of(), problems, variant);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRenderedDocumentParsesIntoItsTypedKubernetesModel(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        assertFalse(rendered.documents.isEmpty(), overlay + " rendered nothing");
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < rendered.documents.size(); i++) {
            Object object = rendered.parsed.get(i);
            String document = rendered.documents.get(i);
            if (object instanceof RuntimeException e) {
                problems.add("does not parse: " + e.getMessage() + "\n" + document);
            } else if (object instanceof GenericKubernetesResource generic && !CrdSchemaTest.hasVendoredCrd(generic)) {
                problems.add(generic.getApiVersion() + " " + generic.getKind() + " " + generic.getMetadata().getName()
                        + " has no typed model (unknown apiVersion/kind)");
            } else if (!(object instanceof HasMetadata)) {
                problems.add("not a Kubernetes object: " + (object == null ? "null" : object.getClass().getName())
                        + "\n" + document);
            }
        }
        assertEquals(List.of(), problems, overlay);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noObjectHasAFieldItsSchemaDoesNotDefine(String overlay) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata object : RenderedOverlay.of(overlay).objects()) {
            String where = object.getKind() + "/" + object.getMetadata().getName();
            walk(object, where, problems, new HashSet<>());
        }
        assertEquals(List.of(), problems, overlay + ": fields unknown to the Kubernetes schema");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyNamespacedObjectIsInTheOverlaysNamespaceAndNamesAreUnique(String overlay) {
        RenderedOverlay rendered = RenderedOverlay.of(overlay);
        String namespace = overlay.equals("prod") ? "rigledger" : "rigledger-" + overlay;
        Set<String> seen = new HashSet<>();
        for (HasMetadata object : rendered.objects()) {
            String key = object.getApiVersion() + "/" + object.getKind() + "/" + object.getMetadata().getName();
            assertTrue(seen.add(key), overlay + ": " + key + " appears twice");
            if (object.getKind().equals("Namespace")) {
                assertEquals(namespace, object.getMetadata().getName(), overlay + ": the Namespace object");
            } else {
                assertEquals(namespace, object.getMetadata().getNamespace(), overlay + ": namespace of " + key);
            }
        }
    }

    /**
     * Visits every fabric8 model object reachable through the getters of {@code node} and reports
     * any with additional properties.
     */
    private static void walk(Object node, String path, List<String> problems, Set<Object> visiting) {
        if (node == null) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "[" + k + "]", problems, visiting));
            return;
        }
        if (node instanceof Collection<?> collection) {
            int i = 0;
            for (Object item : collection) {
                walk(item, path + "[" + i++ + "]", problems, visiting);
            }
            return;
        }
        if (node instanceof GenericKubernetesResource || !isModel(node.getClass()) || !visiting.add(node)) {
            return;
        }
        try {
            for (Method getter : node.getClass().getMethods()) {
                if (!isPropertyGetter(getter)) {
                    continue;
                }
                Object value = getter.invoke(node);
                if (getter.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        problems.add(path + ": " + extra.keySet());
                    }
                } else {
                    walk(value, path + "." + propertyName(getter), problems, visiting);
                }
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            problems.add(path + ": cannot be read (" + e + ")");
        } finally {
            visiting.remove(node);
        }
    }

    private static boolean isModel(Class<?> type) {
        return KubernetesResource.class.isAssignableFrom(type) && type.getName().startsWith("io.fabric8.kubernetes.api.model");
    }

    private static boolean isPropertyGetter(Method m) {
        String name = m.getName();
        return m.getParameterCount() == 0
                && !Modifier.isStatic(m.getModifiers())
                && m.getDeclaringClass().getName().startsWith("io.fabric8.")
                && (name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2)
                // derived values, not fields of the schema
                && !name.equals("getNumericalAmount") && !name.equals("getPlural") && !name.equals("getSingular")
                && !name.equals("getFullResourceName");
    }

    private static String propertyName(Method getter) {
        String name = getter.getName();
        String bare = name.startsWith("get") ? name.substring(3) : name.substring(2);
        return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }
}

package io.rigledger.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleContractTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest
    @ValueSource(strings = {"tariff-service/src/main/openapi/tariff.yaml",
            "inventory-service/src/main/openapi/inventory.yaml",
            "procurement-service/src/main/openapi/procurement.yaml"})
    void bundleOfAServiceContractRefersOnlyToItselfAndKeepsEveryOperation(String contract, @TempDir Path dir)
            throws IOException {
        Path source = Path.of("..").resolve(contract);
        Path bundle = dir.resolve("bundle.yaml");

        BundleContract.main(new String[] {source.toString(), bundle.toString()});

        JsonNode written = YAML.readTree(bundle.toFile());
        assertEquals(List.of(), BundleContract.externalRefs(written));
        OpenAPI bundled = new OpenAPIV3Parser().read(bundle.toUri().toString());
        OpenAPI original = new OpenAPIV3Parser().read(source.toUri().toString(), null, resolving());
        assertEquals(operations(original), operations(bundled));
        // compared as written: the parser holds examples as maps or as JSON trees depending on the
        // source, and spells out the default style of parameters and headers read from one file
        Components was = original.getComponents();
        Components is = bundled.getComponents();
        assertEquals(Yaml.pretty(was.getSchemas()), Yaml.pretty(is.getSchemas()));
        assertEquals(Yaml.pretty(was.getResponses()), Yaml.pretty(is.getResponses()));
        assertEquals(was.getParameters().keySet(), is.getParameters().keySet());
        assertEquals(was.getHeaders().keySet(), is.getHeaders().keySet());
        assertTrue(bundled.getComponents().getResponses().containsKey("TooManyRequests"),
                "the shared 429 response is carried into the bundle");
    }

    @Test
    void examplesThatLookLikeDatesOrNumbersStayStrings(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("shared.yaml"), """
                openapi: 3.0.3
                info: {title: shared, version: '1'}
                paths: {}
                components:
                  schemas:
                    Entry:
                      type: object
                      properties:
                        entryDate: {type: string, format: date}
                        heading: {type: string}
                """);
        Path contract = dir.resolve("service.yaml");
        Files.writeString(contract, """
                openapi: 3.0.3
                info: {title: service, version: '1'}
                paths:
                  /entries:
                    get:
                      responses:
                        '200':
                          description: one entry
                          content:
                            application/json:
                              schema: {$ref: 'shared.yaml#/components/schemas/Entry'}
                              example: {entryDate: '2026-03-02', heading: '8543.70'}
                """);

        String yaml = BundleContract.bundle(contract);

        assertTrue(yaml.contains("entryDate: \"2026-03-02\""), "a date example is quoted: " + yaml);
        assertTrue(yaml.contains("heading: \"8543.70\""), "a heading example is quoted: " + yaml);
        assertTrue(yaml.contains("$ref: \"#/components/schemas/Entry\""), "the shared schema is carried in: " + yaml);
    }

    @Test
    void referencedResponseHeadersCanBeWrittenOutInPlace(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("tariff.yaml");
        BundleContract.main(new String[] {"--inline-header-refs", "../tariff-service/src/main/openapi/tariff.yaml",
                bundle.toString()});

        OpenAPI bundled = new OpenAPIV3Parser().read(bundle.toUri().toString());
        Header limit = bundled.getPaths().get("/api/duty-rates").getGet().getResponses().get("200").getHeaders()
                .get("RateLimit-Limit");
        assertNull(limit.get$ref());
        assertEquals(bundled.getComponents().getHeaders().get("RateLimit-Limit").getSchema(), limit.getSchema());
        Header retryAfter = bundled.getComponents().getResponses().get("TooManyRequests").getHeaders().get("Retry-After");
        assertNull(retryAfter.get$ref());
        assertTrue(retryAfter.getRequired(), "Retry-After stays required on 429");
        Header unavailable = bundled.getComponents().getResponses().get("ServiceUnavailable").getHeaders().get("Retry-After");
        assertNull(unavailable.get$ref());
        assertTrue(unavailable.getRequired(), "Retry-After stays required on 503");
        assertEquals("#/components/responses/ServiceUnavailable",
                bundled.getPaths().get("/api/entries").getPost().getResponses().get("503").get$ref());
    }

    @Test
    void aReferenceThatLeavesTheDocumentIsFound() throws IOException {
        JsonNode document = YAML.readTree("""
                paths:
                  /a:
                    get:
                      responses:
                        '400': {$ref: '../x.yaml#/components/responses/BadRequest'}
                        '200': {$ref: '#/components/responses/Ok'}
                """);

        assertEquals(List.of("../x.yaml#/components/responses/BadRequest"), BundleContract.externalRefs(document));
    }

    @Test
    void aContractThatDoesNotParseIsRefused(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, """
                openapi: 3.0.3
                info: {title: broken, version: '1'}
                paths:
                  /a:
                    get:
                      responses:
                        '400': {$ref: 'missing.yaml#/components/responses/BadRequest'}
                """);

        assertThrows(IllegalStateException.class, () -> BundleContract.bundle(broken));
    }

    private static ParseOptions resolving() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return options;
    }

    private static Set<String> operations(OpenAPI api) {
        Set<String> ops = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, op) -> ops.add(method + " " + path + " " + op.getOperationId())));
        return ops;
    }
}

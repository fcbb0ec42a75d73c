package io.rigledger.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.swagger.v3.core.util.ObjectMapperFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Bundles a service contract that refers to {@code contracts/platform.yaml} (relative {@code $ref}s)
 * into one self-contained OpenAPI document: every external component the contract uses is copied
 * into its {@code components} under its own name and every {@code $ref} becomes a local
 * {@code #/components/...} pointer. Nothing else changes.
 *
 * <p>Used by the build for the consumers that cannot follow a reference to another file: the
 * document SmallRye OpenAPI serves at /q/openapi (and Swagger UI), and the clients procurement-service
 * generates from its neighbours' contracts. The parser and its {@code resolve} option are the ones
 * the request validator (swagger-request-validator) reads the contracts with, so the served and
 * generated-from document is exactly the one every test validates against.
 *
 * <p>Usage: {@code BundleContract [--inline-header-refs] <contract.yaml> <bundle.yaml> [<contract.yaml> <bundle.yaml> ...]}.
 * With {@code --inline-header-refs} every response header given by reference is written out in
 * place (same definition), for openapi-generator 7.18, whose normalizer fails on a referenced
 * response header (OpenAPITools/openapi-generator#22582, fixed in 7.19); drop the option once
 * quarkus-openapi-generator brings a fixed generator. Fails (exit by exception) when a contract
 * does not parse cleanly or a reference is left pointing outside the bundle.
 */
public final class BundleContract {

    /**
     * Strings are always quoted: an example such as {@code '2026-03-02'} or {@code '8543.70'} must
     * stay a string for YAML readers that would take it for a date or a number.
     */
    private static final ObjectMapper YAML = ObjectMapperFactory.createYaml(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private static final String INLINE_HEADER_REFS = "--inline-header-refs";
    private static final String HEADER_REF = "#/components/headers/";

    private BundleContract() {
    }

    public static void main(String[] args) {
        List<String> files = new ArrayList<>(List.of(args));
        boolean inlineHeaderRefs = files.remove(INLINE_HEADER_REFS);
        if (files.isEmpty() || files.size() % 2 != 0) {
            throw new IllegalArgumentException("usage: BundleContract [" + INLINE_HEADER_REFS
                    + "] <contract.yaml> <bundle.yaml> [...]");
        }
        for (int i = 0; i < files.size(); i += 2) {
            write(bundle(Path.of(files.get(i)), inlineHeaderRefs), Path.of(files.get(i + 1)));
        }
    }

    /** {@link #bundle(Path, boolean)} keeping response headers as the contract refers to them. */
    public static String bundle(Path source) {
        return bundle(source, false);
    }

    /**
     * The contract at {@code source} with every external reference resolved into its components.
     *
     * @param inlineHeaderRefs write referenced response headers out in place (see the class comment)
     * @throws IllegalStateException when the contract has parse messages or an external reference remains
     */
    public static String bundle(Path source, boolean inlineHeaderRefs) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser()
                .readLocation(source.toAbsolutePath().normalize().toUri().toString(), null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || (result.getMessages() != null && !result.getMessages().isEmpty())) {
            throw new IllegalStateException("contract " + source + " does not parse cleanly: " + result.getMessages());
        }
        if (inlineHeaderRefs) {
            inlineHeaderRefs(api);
        }
        try {
            String yaml = YAML.writeValueAsString(api);
            List<String> external = externalRefs(YAML.readTree(yaml));
            if (!external.isEmpty()) {
                throw new IllegalStateException("bundle of " + source + " still refers outside itself: " + external);
            }
            return yaml;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("contract " + source + " cannot be written as YAML", e);
        }
    }

    private static void inlineHeaderRefs(OpenAPI api) {
        Map<String, Header> named = api.getComponents().getHeaders();
        Consumer<ApiResponse> inline = response -> {
            if (response.getHeaders() != null) {
                response.getHeaders().replaceAll((name, header) -> header.get$ref() == null ? header
                        : named.get(header.get$ref().substring(HEADER_REF.length())));
            }
        };
        api.getPaths().values().forEach(path -> path.readOperations()
                .forEach(operation -> operation.getResponses().values().forEach(inline)));
        if (api.getComponents().getResponses() != null) {
            api.getComponents().getResponses().values().forEach(inline);
        }
    }

    /** Every {@code $ref} value in the document that is not a pointer into the document itself. */
    static List<String> externalRefs(JsonNode document) {
        List<String> found = new ArrayList<>();
        collect(document, found);
        return found;
    }

    private static void collect(JsonNode node, List<String> found) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if ("$ref".equals(field.getKey()) && field.getValue().isTextual()
                        && !field.getValue().asText().startsWith("#/")) {
                    found.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), found);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, found));
        }
    }

    private static void write(String bundle, Path target) {
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(target, bundle);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}

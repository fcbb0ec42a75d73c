package io.rigledger.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * REST Assured filters that check every request and response against a service's own contract
 * (src/main/openapi/*.yaml), so code and contract cannot drift.
 *
 * <p>{@link #strict(String)} validates both directions: use it for well-formed calls.
 * {@link #responses(String)} validates only responses: use it where a test sends a deliberately
 * bad request (malformed body, no token) and checks that the answer is the contract's problem+json.
 */
public final class Contract {

    private static final Map<String, OpenApiValidationFilter> STRICT = new ConcurrentHashMap<>();
    private static final Map<String, OpenApiValidationFilter> RESPONSES = new ConcurrentHashMap<>();

    private Contract() {
    }

    public static OpenApiValidationFilter strict(String specFile) {
        return STRICT.computeIfAbsent(specFile, f -> new OpenApiValidationFilter(validator(f, false)));
    }

    public static OpenApiValidationFilter responses(String specFile) {
        return RESPONSES.computeIfAbsent(specFile, f -> new OpenApiValidationFilter(validator(f, true)));
    }

    /** The validator itself, for tests that check a contract's own examples. */
    public static OpenApiInteractionValidator validator(String specFile, boolean responsesOnly) {
        Path spec = Path.of(specFile);
        if (!Files.isRegularFile(spec)) {
            throw new IllegalArgumentException("no contract at " + spec.toAbsolutePath());
        }
        LevelResolver.Builder levels = LevelResolver.create();
        if (responsesOnly) {
            levels.withLevel("validation.request", ValidationReport.Level.IGNORE);
        }
        return OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
                .withLevelResolver(levels.build())
                .build();
    }
}

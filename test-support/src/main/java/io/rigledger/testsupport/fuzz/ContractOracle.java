package io.rigledger.testsupport.fuzz;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import io.rigledger.testsupport.Contract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the contract's own request validator (swagger-request-validator, the one every REST
 * Assured test uses) whether it refuses a request, seeing the path and query decoded as the
 * server decodes them. A candidate the contract allows is not a bad request and is never sent.
 */
final class ContractOracle {

    private final OpenApiInteractionValidator validator;

    ContractOracle(String specFile) {
        this.validator = Contract.validator(specFile, false);
    }

    /** Whether the contract refuses the request (any error in the validator's report). */
    boolean refuses(BadRequest request) {
        return report(request).hasErrors();
    }

    /** The validator's report on the request, as the server would read it. */
    ValidationReport report(BadRequest request) {
        int q = request.uri().indexOf('?');
        String rawPath = q < 0 ? request.uri() : request.uri().substring(0, q);
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/", -1)) {
            String decoded = decode(segment);
            if (decoded.contains("/")) {
                return ValidationReport.singleton(ValidationReport.Message.create("fuzz.path", "a path parameter holds '/'").build());
            }
            segments.add(decoded);
        }
        SimpleRequest.Builder b = new SimpleRequest.Builder(Request.Method.valueOf(request.method()), String.join("/", segments))
                .withAuthorization("Bearer fuzz");
        if (q >= 0) {
            query(request.uri().substring(q + 1)).forEach(b::withQueryParam);
        }
        if (request.contentType() != null) {
            b.withContentType(request.contentType());
        }
        if (request.body() != null) {
            b.withBody(request.bodyText());
        }
        try {
            return validator.validateRequest(b.build());
        } catch (RuntimeException | StackOverflowError e) {
            return ValidationReport.singleton(ValidationReport.Message.create("fuzz.validator",
                    "the validator failed: " + e).build());
        }
    }

    private static Map<String, List<String>> query(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** Percent-decoding to UTF-8, malformed sequences replaced by U+FFFD as a lenient server would. */
    static String decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}

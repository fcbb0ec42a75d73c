package io.rigledger.platform.http;

import io.rigledger.platform.json.StrictText;
import io.rigledger.platform.problem.Problem;
import io.rigledger.platform.problem.Problems;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Path and query parameter values every operation refuses, 400 naming the parameter, before any
 * resource sees them: a value that is not UTF-8 once percent-decoded (%C0%AF, %FF), one holding a
 * control character (%00 reaches PostgreSQL as an error, not a value), one longer than
 * {@value #MAX_LENGTH} characters (no contract parameter comes near; a pattern check on a longer one
 * can overflow java.util.regex's stack), and a query parameter sent without a value ({@code ?limit=}:
 * Quarkus REST hands the resource null for it, exactly as if it were left out, while the contracts'
 * parameters take no empty value). The one parameter that may be empty is {@code cursor}, which the
 * contracts document as "absent or empty for the first page". A query parameter given twice
 * ({@code ?limit=5&limit=6}) is refused too: Quarkus REST would silently use the first, and no
 * contract parameter is exploded (lists are one comma-separated value).
 */
@Provider
public class ParamValues implements ContainerRequestFilter {

    /** The longest parameter value read, in characters. */
    public static final int MAX_LENGTH = StrictText.MAX_LENGTH;

    /** Said of a value over {@link #MAX_LENGTH} when its parameter declares no {@code @Size}. */
    static final String TOO_LONG = StrictText.tooLong(null);

    /** Query parameters whose contracts allow an empty value. */
    static final Set<String> MAY_BE_EMPTY = Set.of("cursor");

    /** The matched operation, whose parameters' {@code @Size} word the refusal of an over-long value. */
    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        // Quarkus REST gives parameters decoded only, so the raw request target is read here
        URI target = request.getUriInfo().getRequestUri();
        Optional<Problem.Violation> bad = pathProblem(target.getRawPath(), request.getUriInfo().getPathParameters())
                .or(() -> problemOf(rawQuery(target.getRawQuery()), true));
        bad.ifPresent(v -> {
            String message = TOO_LONG.equals(v.message()) ? StrictText.tooLong(sizeOf(v.field())) : v.message();
            throw Problems.badRequest(v.field(), message);
        });
    }

    /** The {@code @Size} of the matched operation's path or query parameter {@code name}, or null. */
    private Size sizeOf(String name) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        for (Parameter p : method.getParameters()) {
            QueryParam query = p.getAnnotation(QueryParam.class);
            PathParam path = p.getAnnotation(PathParam.class);
            if ((query != null && query.value().equals(name)) || (path != null && path.value().equals(name))) {
                return p.getAnnotation(Size.class);
            }
        }
        return null;
    }

    /** The first refused path segment, named after the path parameter it fills ("path" if none). */
    static Optional<Problem.Violation> pathProblem(String rawPath, MultivaluedMap<String, String> decoded) {
        if (rawPath == null) {
            return Optional.empty();
        }
        for (String segment : rawPath.split("/")) {
            String message = problemOf(segment, false);
            if (message != null) {
                byte[] bytes = percentDecoded(segment);
                String lenient = bytes == null ? segment : new String(bytes, StandardCharsets.UTF_8);
                String name = decoded.entrySet().stream()
                        .filter(p -> p.getValue().contains(lenient) || p.getValue().contains(segment))
                        .map(Map.Entry::getKey).findFirst().orElse("path");
                return Optional.of(new Problem.Violation(name, message));
            }
        }
        return Optional.empty();
    }

    /** A raw query string as names (decoded) to raw values, in the request's order. */
    static MultivaluedMap<String, String> rawQuery(String query) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            byte[] name = percentDecoded(rawName.replace('+', ' '));
            params.add(name == null ? rawName : new String(name, StandardCharsets.UTF_8), eq < 0 ? "" : pair.substring(eq + 1));
        }
        return params;
    }

    /**
     * The first parameter (in the request's order) whose value is refused, with why.
     *
     * @param raw   values as sent, still percent-encoded ({@link #rawQuery})
     * @param query whether these are query parameters (which may not be empty)
     */
    static Optional<Problem.Violation> problemOf(MultivaluedMap<String, String> raw, boolean query) {
        for (Map.Entry<String, List<String>> p : raw.entrySet()) {
            List<String> values = p.getValue() == null || p.getValue().isEmpty() ? List.of("") : p.getValue();
            if (query && values.size() > 1) {
                return Optional.of(new Problem.Violation(p.getKey(), "is given " + values.size()
                        + " times; give it once (where a contract takes several values, they go comma-separated in one)"));
            }
            for (String value : values) {
                String message = problemOf(value, query && !MAY_BE_EMPTY.contains(p.getKey()));
                if (message != null) {
                    return Optional.of(new Problem.Violation(p.getKey(), message));
                }
            }
        }
        return Optional.empty();
    }

    private static String problemOf(String encoded, boolean mustHaveValue) {
        if (encoded.isEmpty()) {
            return mustHaveValue ? "must not be empty; leave the parameter out instead" : null;
        }
        byte[] bytes = percentDecoded(encoded);
        String value;
        try {
            value = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes == null ? new byte[]{(byte) 0xFF} : bytes)).toString();
        } catch (CharacterCodingException e) {
            return "must be percent-encoded UTF-8";
        }
        if (value.length() > MAX_LENGTH) {
            return TOO_LONG;
        }
        return StrictText.problemOf(value, false) == null ? null : "must not contain control characters";
    }

    /** The bytes a percent-encoded value stands for, or null when an escape is malformed. */
    static byte[] percentDecoded(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}

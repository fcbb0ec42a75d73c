package io.rigledger.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link MatrixFixture} says of listings' query parameters ({@link MatrixFixture#filter},
 * {@link MatrixFixture#holds}, {@link MatrixFixture#unfiltered}, {@link MatrixFixture#onePage}), each
 * registered under the parameter's name or under {@code operationId:name} for one operation only, which
 * wins.
 */
final class MatrixQueryParams {

    /** The mark of {@link MatrixFixture#holdsEvery}: every enum value holds org A's data. */
    static final String EVERY = "*";

    final Map<String, List<String>> filters = new HashMap<>();
    final Map<String, Set<String>> holds = new HashMap<>();
    final Map<String, String> unfiltered = new HashMap<>();
    final Map<String, String> onePage = new HashMap<>();

    /** The entry of {@code map} for the operation's parameter: {@code operationId:name} first, then {@code name}. */
    static <T> T of(Map<String, T> map, MatrixOperation op, String name) {
        T exact = map.get(op.operationId() + ":" + name);
        return exact != null ? exact : map.get(name);
    }

    /** The enum values of a query parameter of the operation under which org A's answer shows its own data. */
    Set<String> holds(MatrixOperation op, String name) {
        Set<String> values = of(holds, op, name);
        if (values == null) {
            return Set.of();
        }
        return values.contains(EVERY) ? Set.copyOf(op.queryEnums().getOrDefault(name, List.of())) : values;
    }
}

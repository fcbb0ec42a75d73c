package io.rigledger.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a {@link MatrixFixture} says of its listings' query parameters ({@link MatrixFixture#queryParams()}), read by
 * the {@link SecurityMatrix.Kind#FOREIGN_QUERY} cells (see MatrixQueryCalls): the values a filter is tried with, the
 * enum values under which org A's answer shows its own data, and why a parameter is not tried or reads one page
 * only. Each is registered under the parameter's name or under {@code operationId:name} for one operation only,
 * which wins.
 */
public final class MatrixQueryParams {

    /** The mark of {@link #holdsEvery}: every enum value holds org A's data. */
    static final String EVERY = "*";

    private final Map<String, List<String>> filters = new HashMap<>();
    private final Map<String, Set<String>> holds = new HashMap<>();
    private final Map<String, String> unfiltered = new HashMap<>();
    private final Map<String, String> onePage = new HashMap<>();

    MatrixQueryParams() {
    }

    /**
     * The values a listing's query parameter that is no enum (a site, a model, a serial, a date) is
     * tried with, one page-1 read of org A's each (see {@link SecurityMatrix.Kind#FOREIGN_QUERY}): the
     * first is a value org A's fixture rows match (its answer must show one of them), the others
     * need not match org A's. Give the codes both organisations use (org A's site's code, which org B
     * also gives a site) so that a read by code that forgets the organisation shows org B's rows.
     * A value is sent as it is after {@code name=} (no encoding), so it may carry parameters it
     * needs after a {@code &} ({@code R1&site=DAL1}).
     *
     * @param name the parameter's name, or {@code operationId:name} for one operation only
     */
    public MatrixQueryParams filter(String name, String ownValue, String... otherValues) {
        List<String> values = new ArrayList<>();
        values.add(ownValue);
        values.addAll(List.of(otherValues));
        filters.put(name, values);
        return this;
    }

    /**
     * The values of a listing's enum query parameter (a status, a groupBy) under which org A's answer
     * shows its own fixture data (its ids, serials, codes); under the others it must only show none of org B's.
     *
     * @param name the parameter's name, or {@code operationId:name} for one operation only
     */
    public MatrixQueryParams holds(String name, String... values) {
        holds.put(name, Set.of(values));
        return this;
    }

    /**
     * An enum query parameter under every value of which org A's answer shows its own fixture data
     * (a sort: every order shows the same rows). Its values are read in rotation: each by one of the roles whose
     * cells read the listing under each query, so each is read once (see MatrixQueryCalls).
     *
     * @param name the parameter's name, or {@code operationId:name} for one operation only
     */
    public MatrixQueryParams holdsEvery(String name) {
        holds.put(name, Set.of(EVERY));
        return this;
    }

    /**
     * A listing's query parameter that is no enum and is not tried with values, with the reason (an
     * id field, tried with org B's value by its own cells, needs none); any other such parameter without
     * {@link #filter values} fails its cell, so a new filter cannot escape.
     *
     * @param name the parameter's name, or {@code operationId:name} for one operation only
     */
    public MatrixQueryParams unfiltered(String name, String reason) {
        unfiltered.put(name, reason);
        return this;
    }

    /**
     * A query parameter of a keyset-paged listing under which org A holds at most one row whatever
     * its value (a serial number or a MAC names one rig), with the reason. Under any other, org A
     * must hold two rows under some value, so that its cell reads page 2 (see MatrixQueryCalls) and a
     * query forgetting the organisation once a cursor is given under that filter shows itself (fresh
     * review R-11c D3); a fixture holding too few rows fails that cell.
     *
     * @param name the parameter's name, or {@code operationId:name} for one operation only
     */
    public MatrixQueryParams onePage(String name, String reason) {
        onePage.put(name, reason);
        return this;
    }

    /** The entry of {@code map} for the operation's parameter: {@code operationId:name} first, then {@code name}. */
    private static <T> T of(Map<String, T> map, MatrixOperation op, String name) {
        T exact = map.get(op.operationId() + ":" + name);
        return exact != null ? exact : map.get(name);
    }

    /** The fixture's values of a query parameter of the operation (the first org A's), or null. */
    List<String> filterValues(MatrixOperation op, String name) {
        return of(filters, op, name);
    }

    /** Whether the values of an enum query parameter of the operation are read in rotation by the roles ({@link #holdsEvery}). */
    boolean inRotation(MatrixOperation op, String name) {
        Set<String> values = of(holds, op, name);
        return values != null && values.contains(EVERY);
    }

    /** The enum values of a query parameter of the operation under which org A's answer shows its own data. */
    Set<String> holds(MatrixOperation op, String name) {
        Set<String> values = of(holds, op, name);
        if (values == null) {
            return Set.of();
        }
        return values.contains(EVERY) ? Set.copyOf(op.queryEnums().getOrDefault(name, List.of())) : values;
    }

    /** Why a query parameter of the operation is tried with no values, or null. */
    String unfilteredReason(MatrixOperation op, String name) {
        return of(unfiltered, op, name);
    }

    /** Why org A holds at most one row under any value of a paged listing's query parameter, or null. */
    String onePageReason(MatrixOperation op, String name) {
        return of(onePage, op, name);
    }
}

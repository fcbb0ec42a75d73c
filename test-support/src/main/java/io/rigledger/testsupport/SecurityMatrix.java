package io.rigledger.testsupport;

import org.junit.jupiter.api.Named;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The authorisation matrix of a service, generated from its contract so that a new operation or a
 * new request field cannot escape it: every operation (with the roles of its {@code x-rigledger-roles})
 * x every refused token, every role, and for people an id of their own organisation's and another's,
 * in the path and in every request field that can carry one (contracts/platform.yaml's rule, see
 * {@link IdFields}). The cells:
 * <ul>
 *   <li>no token, and one kind of refused token per operation, each kind in turn: 401 problem+json saying why
 *       (RFC 6750). Every operation is called without a token, which shows it demands an authenticated caller
 *       (a forgotten {@code @Authenticated} lets that call through); a refused token is then refused by the same
 *       check with one OIDC tenant for every path (each service's application.properties: no tenant-paths, no path
 *       permission policy; quarkus.http.auth.proactive=false), so each of the seven kinds is sent to every seventh
 *       operation, every operation gets one and each kind reaches several operations of each contract (s19 H-11i-b:
 *       the eight refusals of every operation were a third of the matrix's cells and proved the same seven things
 *       again for each);</li>
 *   <li>each role the operation does not name: 403 problem+json saying the roles do not allow it;
 *       each role it names reaches the handler: a caller of org A with org A's own resource and the
 *       fixture's (else the contract's example) body gets a status the contract lists, 2xx for a
 *       read that shows some of org A's own data ({@link MatrixFixture#ownMarkers()}) and none of org
 *       B's ({@link MatrixFixture#otherMarkers()}) unless it reads reference data, 2xx (showing none of org
 *       B's data either, fresh review R-11h D3) or a 4xx other than 401, 403 and 404 for a write, after which org B's reads at org A's path (org B also uses
 *       org A's codes) answer exactly as before (fresh review R-11c D2);</li>
 *   <li>for each person role it names (and admin, as an admin of org A, where it names admin; fresh
 *       review R-11c D4), when it works on one resource of the organisation named in
 *       its path ({@code x-rigledger-tenancy: org}): org A's person with org B's real id is answered
 *       404 problem+json equal to the answer for an id that does not exist (type, title, status,
 *       detail and violations, the id aside, and the same headers, see {@link MatrixBodies#sameHeaders}),
 *       org B's person reads the same id, and after a write org B's resource reads back exactly as before;
 *       where a service account names its organisation in one of the operation's fields ({@code X-On-Behalf-Of-Org}),
 *       org B's id sent with org B named there is a 4xx exactly like a missing id sent so (a person's
 *       header is ignored, so 404; a person naming another organisation in a body is refused alike; fresh
 *       review R-11e D1); and at each further set of path values the fixture
 *       gives a read ({@link MatrixFixture#alsoAt}: version 2 of a corrected entry, R-11e D4) likewise;</li>
 *   <li>for each person role and each id field (body property at any depth, query parameter,
 *       header) not exempted by {@code x-rigledger-foreign-exempt}: org A's request with org B's real
 *       value in that field is answered exactly like one with a value naming nothing, and every read
 *       of org B's data answers byte for byte as before; a field the fixture gives no value of org B
 *       fails the cell, naming it; a field in an array is tried at the first, the middle and the last index of
 *       fixture bodies of three items or more (s19 review R-11i P3: a batch checking its first and last items only);
 *       org B first makes the same request with its own value, so anything remembered by the value without the
 *       organisation is warm (R-11i P2); where the fixture gives the service's calls to its neighbours, org A's
 *       request makes the same calls with org B's value as with the made-up one (R-11i P6, see
 *       {@link MatrixFieldCalls#foreignField});</li>
 *   <li>for each person role of an org-scoped list, summary or export (GET, no path parameter) and of
 *       each keyset-paged read (one taking {@code limit} and {@code cursor}, path parameters or not), and
 *       for an admin of org A where it names admin:
 *       org A's answer holds some of org A's own data and none of org B's ids, serials, numbers or
 *       its name on any page (nextCursor followed to the last, at most {@link MatrixCalls#MAX_PAGES});
 *       a paged read is asked one row a page and must reach page 2, so the fixture holds at least two
 *       rows of each organisation there; org B's answer shows its own (also past page 1); the same
 *       for the service account acting for org A (and then for org B), naming it where the fixture says;
 *       every list, summary or export without a path parameter, filtered or not, read by an organisation
 *       holding nothing shows no rows and counts and sums nothing (fresh review R-11e D2: totals of a
 *       listing with no filter parameter were never read by it);</li>
 *   <li>for each such list, summary or export and each of its query parameters but the page size and
 *       cursor, by each person role, an admin of org A and the service account acting for org A where
 *       it names them (fresh review R-11c D4): page 1 (and where it is keyset-paged every page again at
 *       one row fewer, so page 2 is read under some value; R-11c D3) under every value of an enum
 *       parameter (a status, each groupBy; each sort by one of these roles in turn) and under the fixture's values of any other (org A's site code, which org B
 *       also uses), showing none of org B's data and, where org A's fixture rows match, some of org A's;
 *       an organisation holding nothing gets no rows under each (see {@link MatrixQueryCalls});</li>
 *   <li>for each {@code global} operation: callers of two organisations get the same answer; a write
 *       is sent a valid body (the fixture's, else the contract's example), must succeed, and then
 *       its reads answer people of both organisations alike;</li>
 *   <li>for each org-scoped read (a list, summary or export, under the fixture's query and each value of each
 *       enum query parameter; a read of one resource at each twin's own path values) and each org-scoped write at
 *       a path, by its first person role: three fresh organisations that made the same writes (the fixture's
 *       {@link MatrixFixture#twins()}), two with values of their own and the third with the first one's codes,
 *       read it (or make the write, each in turn) and get the same answer once each one's values and drawn ids are
 *       masked, so an answer cached or keyed by a version or a count without the organisation fails (fresh review
 *       R-11f D1), and so does a count or sum over the same codes in any organisation (R-11h D3: a rack's
 *       occupied slots, a site's power in use), which no marker shows (see {@link MatrixTwinCalls});</li>
 *   <li>for each org-scoped write taking an Idempotency-Key, by its first person role: org B's caller sends its
 *       request with a fresh key, then org A's caller the same body with the same key at org A's path, and gets an
 *       answer of its own: not replayed, not a 422 about the key, none of the ids of org B's answer in it (fresh
 *       review R-11g D5; where org B's request cannot succeed the fixture says why, {@link MatrixRequestFixture#keyNotStored});
 *       where org A's request is its own, it first sends a body its handler refuses with that key and gets its own
 *       4xx naming the field ({@link MatrixRequestFixture#refused}; s19 review R-11i Pk: a key read without the organisation
 *       only once the work refused the request);</li>
 *   <li>for each person role of each keyset-paged read of an organisation's data: org B's nextCursor (page 1 of
 *       the same list and query at one row a page), and it with a byte of its position changed, sent to org A's
 *       list are 400 problem+json naming cursor ({@link MatrixCursorCalls}; fresh review R-11h D2);</li>
 *   <li>for each org-scoped operation the service account may call: naming no organisation is a
 *       4xx problem+json naming the field; acting for org A, org B's real path id is answered like a
 *       missing one (body and headers) and org B's resource is unchanged.</li>
 * </ul>
 * A service's test gives only a fixture: how to make real resources in both organisations and the
 * value of each path parameter for each ({@link MatrixFixture}). It is made once, by the first cell:
 *
 * <pre>{@code
 * static final SecurityMatrix MATRIX = SecurityMatrix.of(CONTRACT, SecurityTest::resources);
 * static List<Named<SecurityMatrix.Cell>> cells() { return MATRIX.namedCells(); }
 * @ParameterizedTest(name = "{0}") @MethodSource("cells")
 * void cell(SecurityMatrix.Cell c) { MATRIX.check(c); }
 * }</pre>
 *
 * Every answer is validated against the contract, so each 401, 403 and 404 must be documented there.
 */
public final class SecurityMatrix {

    /** Every role the realm issues. */
    public static final Set<String> ROLES = Set.of("operator", "finance", "ops", "admin", "service");
    /** The detail of a 403 for the caller's roles (a 403 for another organisation's data says otherwise). */
    static final String ROLE_REFUSAL = "your roles do not allow this operation";

    private final String contract;
    private final Consumer<MatrixFixture> resources;
    private final List<MatrixOperation> operations;
    private MatrixFixture fixture;

    private SecurityMatrix(String contract, Consumer<MatrixFixture> resources) {
        this.contract = contract;
        this.resources = resources;
        this.operations = MatrixOperation.read(contract);
    }

    /**
     * The matrix of a contract.
     *
     * @param contract  the service's contract, e.g. src/main/openapi/inventory.yaml
     * @param resources makes real resources in {@link MatrixFixture#callerOrg()} and
     *                  {@link MatrixFixture#otherOrg()} and registers their ids; called once, by the first cell
     * @throws IllegalStateException when an operation lacks x-rigledger-roles or x-rigledger-tenancy
     */
    public static SecurityMatrix of(String contract, Consumer<MatrixFixture> resources) {
        return new SecurityMatrix(contract, resources);
    }

    /** What a cell proves. */
    public enum Kind { REFUSED, ROLE, FOREIGN_ID, FOREIGN_FIELD, FOREIGN_ROWS, FOREIGN_QUERY, GLOBAL_ALIKE, SERVICE_FOR_ORG, TWINS,
        IDEMPOTENCY_KEY, FOREIGN_CURSOR }

    /**
     * One cell: an operation called with a refused token, by a role, by a person of org A with org
     * B's id in the path or in one field (body property, query parameter, header) or for a listing,
     * by two organisations (reference data), by the service account acting for org A, or for a
     * listing under each value of one query parameter ({@code param}), or a listing in another media type of its
     * answer ({@code param} of a FOREIGN_ROWS cell, sent as Accept).
     */
    public record Cell(MatrixOperation operation, Kind kind, MatrixRefusal refusal, String role, IdFields.IdField field,
                       String param) {
        Cell(MatrixOperation operation, Kind kind, MatrixRefusal refusal, String role) {
            this(operation, kind, refusal, role, null, null);
        }

        Cell(MatrixOperation operation, Kind kind, MatrixRefusal refusal, String role, IdFields.IdField field) {
            this(operation, kind, refusal, role, field, null);
        }

        /**
         * A short name of the cell for test reports: the operation, the kind, and the role, refused token, field or
         * query parameter it tries, e.g. {@code deployRigs FOREIGN_FIELD ops placements[].rig}; {@link #toString}
         * says what it proves.
         */
        public String label() {
            StringBuilder label = new StringBuilder(operation.operationId()).append(' ').append(kind);
            if (refusal != null) {
                label.append(' ').append(refusal);
            }
            if (role != null) {
                label.append(' ').append(role);
            }
            if (field != null) {
                label.append(' ').append(field.name());
            }
            if (param != null) {
                label.append(' ').append(param);
            }
            return label.toString();
        }

        @Override
        public String toString() {
            String what = switch (kind) {
                case REFUSED -> refusal.words() + " is 401 saying why";
                case ROLE -> role + (operation.roles().contains(role) ? " of the organisation reaches the handler" : " is 403");
                case FOREIGN_ID -> role + " with another organisation's real id gets 404 like a missing id"
                        + (operation.isRead() ? "" : ", the resource unchanged");
                case FOREIGN_FIELD -> role + " with another organisation's real value in " + field
                        + " is answered like a value naming nothing" + (operation.isRead() ? "" : ", its data unchanged");
                case FOREIGN_ROWS -> param != null ? role + " asking for " + param + " (Accept) sees its own and none of"
                        + " another organisation's data in it" : role + (operation.pages() ? " paging one row at a time past page 1" : "")
                        + " sees its own and none of another organisation's data on any page, which sees its own"
                        + (operation.pathParams().isEmpty() ? ", an organisation holding nothing sees no rows" : "");
                case FOREIGN_QUERY -> role + " under each value of " + param + " sees none of another organisation's"
                        + " data, an organisation holding nothing sees no rows";
                case GLOBAL_ALIKE -> operation.isRead() ? role + " of two organisations gets the same answer (reference data)"
                        : role + " writes a valid body and both organisations then read the same (reference data)";
                case SERVICE_FOR_ORG -> "service acting for one organisation gets 404 for another's id, naming none is 4xx";
                case TWINS -> role + " of three organisations that made the same writes (two with values of their own, the"
                        + " third with the first's codes) " + (operation.isRead() ? "reads" : "writes at its own path and is answered")
                        + " the same, each one's values aside (nothing kept for one is given to another, no count over"
                        + " another's same codes)";
                case IDEMPOTENCY_KEY -> role + " sending another organisation's Idempotency-Key with its body gets an"
                        + " answer of its own, not the other's replay";
                case FOREIGN_CURSOR -> role + " sending another organisation's nextCursor, or it altered, gets 400 naming cursor";
            };
            return operation + ": " + what;
        }
    }

    /** Every cell of the contract ({@link MatrixCells}), less those {@link #ONLY} leaves out. */
    public List<Cell> cells() {
        List<Cell> cells = MatrixCells.of(operations);
        String only = System.getProperty(ONLY);
        if (only == null || only.isBlank()) {
            return cells;
        }
        List<String> pieces = List.of(only.split("\\|"));
        return cells.stream().filter(c -> pieces.stream().anyMatch(p -> c.toString().contains(p))).toList();
    }

    /**
     * {@link #cells()}, each named by its {@link Cell#label} for a {@code @ParameterizedTest(name = "{0}")}, so a test
     * report names each cell's operation, kind and role (the build's surefire reports use the display names).
     */
    public List<Named<Cell>> namedCells() {
        return cells().stream().map(cell -> Named.of(cell.label(), cell)).toList();
    }

    /**
     * System property naming a piece of the cells' names (e.g. {@code getEntry GET}), or several separated
     * by {@code |}: when set, only the cells whose name contains one run, for a quick must-fail run against
     * planted operations.
     * Never set in the build.
     */
    public static final String ONLY = "matrix.only";

    /** Checks one cell, making the fixture first if no cell has yet. */
    public void check(Cell cell) {
        MatrixFixture f = fixture();
        MatrixCalls calls = new MatrixCalls(contract, f);
        MatrixFieldCalls fields = new MatrixFieldCalls(calls, f);
        switch (cell.kind()) {
            case REFUSED -> calls.refused(cell, cell.refusal().token == null ? null
                            : reused("refused-" + cell.refusal().name(), cell.refusal().token),
                    cell.refusal() == MatrixRefusal.NO_TOKEN ? null : cell.refusal().reason);
            case ROLE -> calls.byRole(cell, cell.operation().roles().contains(cell.role()),
                    cell.operation().ifMatch() ? readsAbove(cell.operation())
                            : cell.operation().isRead() || cell.operation().global() ? List.of()
                            : readsAboveOrNone(cell.operation()));
            case FOREIGN_ID -> new MatrixIdCalls(calls, f).foreignId(cell, readsAbove(cell.operation()));
            case FOREIGN_FIELD -> fields.foreignField(cell, cell.operation().pathParams().isEmpty() ? List.of()
                    : readsAbove(cell.operation()), otherReads(f));
            case FOREIGN_ROWS -> {
                if (cell.param() == null) {
                    new MatrixRowCalls(calls, f).foreignRows(cell);
                } else {
                    new MatrixRowCalls(calls, f).foreignRowsAs(cell, cell.param());
                }
            }
            case FOREIGN_QUERY -> new MatrixQueryCalls(calls, f).foreignQuery(cell);
            case GLOBAL_ALIKE -> fields.sameForEveryOrganisation(cell, cell.operation().isRead() ? List.of()
                    : readsAbove(cell.operation()));
            case SERVICE_FOR_ORG -> fields.serviceForOrganisation(cell, cell.operation().takesAnId()
                    ? readsAbove(cell.operation()) : List.of());
            case TWINS -> new MatrixTwinCalls(calls, f, twins(f)).alike(cell, cell.operation().ifMatch()
                    ? readsAbove(cell.operation()) : List.of());
            case IDEMPOTENCY_KEY -> fields.keyOfAnother(cell, cell.operation().ifMatch() ? readsAbove(cell.operation()) : List.of());
            case FOREIGN_CURSOR -> new MatrixCursorCalls(calls, f).foreignCursor(cell);
        }
    }

    /**
     * The reads that show org B's data: every org-scoped GET a person may call whose path parameters
     * the fixture gives values for (org B's resources), and every listing.
     */
    private List<MatrixOperation> otherReads(MatrixFixture f) {
        return operations.stream().filter(o -> o.isRead() && !o.global() && !o.personRoles().isEmpty())
                .filter(o -> o.idKeys().stream().allMatch(key -> f.id(key, MatrixFixture.Side.OTHER) != null))
                .toList();
    }

    private MatrixTwinCalls.Twins twins;

    /** The twins, made on first use by the fixture's writes (once per test class). */
    private synchronized MatrixTwinCalls.Twins twins(MatrixFixture f) {
        if (twins == null) {
            twins = MatrixTwinCalls.make(f);
        }
        return twins;
    }

    /** The fixture, made on first use (once per test class, since the matrix is a static of it). */
    synchronized MatrixFixture fixture() {
        if (fixture == null) {
            MatrixFixture made = new MatrixFixture();
            resources.accept(made);
            fixture = made;
        }
        return fixture;
    }

    /**
     * The reads that show whether a write changed its resource, nearest first: the GET of the same
     * path, then of each path above it (the order of a submit, the site of a rack); for a read, itself.
     */
    private List<MatrixOperation> readsAbove(MatrixOperation op) {
        List<MatrixOperation> reads = readsAboveOrNone(op);
        if (reads.isEmpty()) {
            throw new AssertionError(op + ": the contract has no GET above its path to show the resource is unchanged");
        }
        return reads;
    }

    /** {@link #readsAbove}, empty where the contract has no GET above the path. */
    private List<MatrixOperation> readsAboveOrNone(MatrixOperation op) {
        if (op.isRead()) {
            return List.of(op);
        }
        List<MatrixOperation> reads = new ArrayList<>();
        String path = op.pathTemplate();
        while (path.lastIndexOf('/') > 0) {
            String candidate = path;
            operations.stream().filter(o -> o.isRead() && o.pathTemplate().equals(candidate) && !o.personRoles().isEmpty())
                    .findFirst().ifPresent(reads::add);
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return reads;
    }

    /** An organisation of the matrix's test run that holds nothing, whose people the role cells' 403s are for. */
    private static final String STRANGERS = org();

    /** A token of one role: people of an organisation of their own ({@link #STRANGERS}); admins and services have none. */
    static String tokenOf(String role) {
        return switch (role) {
            case "admin" -> reused("admin", Tokens::admin);
            case "service" -> reused("service", () -> Tokens.service("procurement-service"));
            default -> reused(role + "-" + STRANGERS, () -> Tokens.user(role + "-matrix", STRANGERS, role));
        };
    }

    /**
     * A caller of one role belonging to the organisation: a person, an admin of the organisation,
     * or the service account (which belongs to none and names the organisation it acts for).
     */
    static String memberOf(String role, String org) {
        return switch (role) {
            case "admin" -> person("admin", org);
            case "service" -> reused("service", () -> Tokens.service("procurement-service"));
            default -> person(role, org);
        };
    }

    /** A person of the organisation with one role (a token signed once a minute, see {@link #reused}). */
    static String person(String role, String org) {
        return reused(role + "-" + org, () -> Tokens.user(role + "-" + org, org, role));
    }

    private record Signed(String token, long madeAt) {
    }

    private static final java.util.Map<String, Signed> SIGNED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The token of one caller, signed again when the last is a minute old (they are valid for five),
     * so that the many calls of a cell do not each sign one.
     */
    private static String reused(String caller, Supplier<String> sign) {
        long now = System.nanoTime();
        return SIGNED.compute(caller, (k, old) -> old != null && now - old.madeAt() < 60_000_000_000L ? old
                : new Signed(sign.get(), now)).token();
    }

    static String org() {
        return "matrix-" + UUID.randomUUID();
    }

}

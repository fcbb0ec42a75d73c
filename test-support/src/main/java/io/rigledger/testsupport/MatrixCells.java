package io.rigledger.testsupport;

import io.rigledger.testsupport.SecurityMatrix.Cell;
import io.rigledger.testsupport.SecurityMatrix.Kind;

import java.util.ArrayList;
import java.util.List;

/** The cell list of a contract's {@link SecurityMatrix}, as its docstring lists them. */
final class MatrixCells {

    private MatrixCells() {
    }

    /** Every cell of the operations: per operation the refusals, each role, then the cells of people's organisations. */
    static List<Cell> of(List<MatrixOperation> operations) {
        List<MatrixRefusal> badTokens = List.of(MatrixRefusal.values()).subList(1, MatrixRefusal.values().length);
        List<Cell> cells = new ArrayList<>();
        for (MatrixOperation op : operations) {
            // no token for every operation, one kind of refused token each, in turn (see the class docstring)
            cells.add(new Cell(op, Kind.REFUSED, MatrixRefusal.NO_TOKEN, null));
            cells.add(new Cell(op, Kind.REFUSED, badTokens.get(operations.indexOf(op) % badTokens.size()), null));
            SecurityMatrix.ROLES.stream().sorted().forEach(role -> cells.add(new Cell(op, Kind.ROLE, null, role)));
            if (op.global()) {
                String role = op.personRoles().isEmpty() ? op.roles().iterator().next() : op.personRoles().get(0);
                cells.add(new Cell(op, Kind.GLOBAL_ALIKE, null, role));
                continue;
            }
            for (String role : op.orgRoles()) {
                if (op.takesAnId()) {
                    cells.add(new Cell(op, Kind.FOREIGN_ID, null, role));
                }
                if (op.isListing()) {
                    cells.add(new Cell(op, Kind.FOREIGN_ROWS, null, role));
                    // fresh review R-11j P6: each other representation of the answer (a CSV export) read too
                    op.otherAnswerTypes().forEach(type -> cells.add(new Cell(op, Kind.FOREIGN_ROWS, null, role, null, type)));
                }
                if (op.pages() && op.personRoles().contains(role)) {
                    cells.add(new Cell(op, Kind.FOREIGN_CURSOR, null, role)); // fresh review R-11h D2: MatrixCursorCalls
                }
                op.foreignFields().forEach(field -> cells.add(new Cell(op, Kind.FOREIGN_FIELD, null, role, field)));
            }
            if (op.isListing()) {
                // each query the contract offers, by every person role, an admin of the organisation and the
                // service account acting for it where the operation names them (R-11b: a leak only under
                // ?status= or groupBy=status; R-11c D4: a leak only for admins, for a later role, for the service)
                queryRoles(op).forEach(role -> op.filters().forEach(param ->
                        cells.add(new Cell(op, Kind.FOREIGN_QUERY, null, role, null, param))));
            }
            if ((op.isRead() || !op.pathParams().isEmpty()) && !op.personRoles().isEmpty()) {
                // fresh review R-11f D1: an answer kept (cached, keyed by a version or a count) without the organisation;
                // R-11h D3: a count or sum at a path over the same codes in any organisation
                cells.add(new Cell(op, Kind.TWINS, null, op.personRoles().get(0)));
            }
            if (op.headers().contains(MatrixFieldCalls.IDEMPOTENCY_KEY) && !op.orgRoles().isEmpty()) {
                // fresh review R-11g D5: a key kept without the organisation replays one organisation's answer to another
                cells.add(new Cell(op, Kind.IDEMPOTENCY_KEY, null, op.orgRoles().get(0)));
            }
            if (op.roles().contains("service") && !op.idFields().isEmpty()) {
                cells.add(new Cell(op, Kind.SERVICE_FOR_ORG, null, "service"));
                if (op.isListing()) {
                    // the service account acting for org A walks org A's pages as a person does (fresh review R-11:
                    // a query that forgets the organisation only for the service account once a cursor is given)
                    cells.add(new Cell(op, Kind.FOREIGN_ROWS, null, "service"));
                }
            }
        }
        return cells;
    }

    /**
     * The roles whose {@link Kind#FOREIGN_QUERY} cells read a listing under each query parameter: every person role,
     * an admin of the organisation where it names admin, and the service account acting for it where it names it.
     */
    static List<String> queryRoles(MatrixOperation op) {
        List<String> roles = new ArrayList<>(op.orgRoles());
        if (op.roles().contains("service") && !op.idFields().isEmpty()) {
            roles.add("service");
        }
        return roles;
    }
}

package io.rigledger.tariff.entry;

import io.rigledger.platform.problem.Problems;

/** The 409 for a move the entry's status does not allow ({@link EntryStatus.Move}). */
final class Moves {

    private Moves() {
    }

    /**
     * The entry's status before the move.
     *
     * @throws io.rigledger.platform.problem.ProblemException 409 naming the status and the ones the move needs
     */
    static EntryStatus require(CustomsEntry e, EntryStatus.Move move) {
        if (!move.allowedFrom(e.status)) {
            throw Problems.conflict(EntryStatus.WHY.get(move) + " is not possible while the entry is " + e.status
                    + "; it needs one of " + move.from());
        }
        return e.status;
    }
}

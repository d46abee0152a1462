package io.agiledunning.cases.imports;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the reader settles per chunk before staging, so the merge needs no pass over the chunk for it: the first row
 * of each claim reference (a later row with it is a duplicate), and per debtor the ids its new debtor row and a
 * case it opens would get — a chunk opens at most one case per debtor. Ids are time-ordered ({@link TimeOrderedIds}).
 */
final class ChunkIds {

    record Debtor(UUID id, UUID caseId) {
    }

    private final Map<String, Long> firstRowOfReference = new HashMap<>();
    private final Map<String, Debtor> debtors = new HashMap<>();
    private final TimeOrderedIds ids;

    ChunkIds(TimeOrderedIds ids) {
        this.ids = ids;
    }

    /** @return the chunk's earlier row with this claim reference, or null for its first */
    Long duplicateOf(String claimReference, long row) {
        return firstRowOfReference.putIfAbsent(claimReference, row);
    }

    Debtor debtor(String debtorReference) {
        return debtors.computeIfAbsent(debtorReference, ignored -> new Debtor(ids.next(), ids.next()));
    }
}

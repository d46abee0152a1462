package io.agiledunning.cases.query;

/**
 * How a case list is ordered; ties are broken by the case id in the same direction, so pages never overlap.
 * A sort by a value some cases lack (days past due, next action) lists only the cases that have it: ordering the
 * others in too would cost a scan of every case of the tenant (docs/cases.md).
 */
public enum CaseSort {
    /** When the case was placed (its creation). */
    PLACED_AT("k.created_at", "k.id", null),
    /** The outstanding balance in minor units (filter by currency to compare like with like). */
    AMOUNT("k.outstanding_minor", "k.id", null),
    /** Days past due: DESC = most overdue first (oldest due date first); cases with a claim that counts. */
    DAYS_PAST_DUE("k.oldest_due_date", "k.id", null),
    /** The dunning engine's next planned action, soonest first; cases the engine has planned an action for. */
    NEXT_ACTION("s.next_action_at", "s.case_id", " join dunning_schedules s on s.case_id = k.id");

    private final String column;
    private final String id;
    private final String join;

    CaseSort(String column, String id, String join) {
        this.column = column;
        this.id = id;
        this.join = join;
    }

    String column() {
        return column;
    }

    /** The case id as the index serving this order has it. */
    String id() {
        return id;
    }

    String join() {
        return join == null ? "" : join;
    }

    /** Whether some cases lack the value (and are left out of the list). */
    boolean partial() {
        return this == DAYS_PAST_DUE || this == NEXT_ACTION;
    }

    /** Days past due grow as the oldest due date shrinks: that column runs the other way. */
    boolean ascendingColumn(boolean descending) {
        return this == DAYS_PAST_DUE ? descending : !descending;
    }
}

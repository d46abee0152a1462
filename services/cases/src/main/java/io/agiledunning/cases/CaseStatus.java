package io.agiledunning.cases;

/**
 * Where a case stands. Stored as text ({@code cases.status}); the transitions between the states are
 * decided by {@link io.agiledunning.cases.lifecycle.CaseLifecycle}, never by setting the field directly.
 *
 * <pre>
 * OPEN → IN_DUNNING → (PROMISED | PLAN_ACTIVE | DISPUTED | PAUSED) → PAID | SETTLED | HANDED_OVER | WRITTEN_OFF | CLOSED
 * </pre>
 */
public enum CaseStatus {
    /** Placed, dunning has not started yet. */
    OPEN(false),
    /** Reminders are being sent; the only state in which dunning is active. */
    IN_DUNNING(false),
    /** The debtor promised to pay an amount by a date; dunning waits. */
    PROMISED(false),
    /** An installment plan is running; dunning waits. */
    PLAN_ACTIVE(false),
    /** The debtor disputes the claim; dunning stops until the tenant resolves the dispute. */
    DISPUTED(false),
    /** Dunning stopped by the tenant (with a reason, optionally until a date). */
    PAUSED(false),
    /** Paid in full. Terminal. */
    PAID(true),
    /** Ended by an agreed (lower) amount. Terminal. */
    SETTLED(true),
    /** Handed over to a collection agency or lawyer. Terminal. */
    HANDED_OVER(true),
    /** Given up by the tenant. Terminal. */
    WRITTEN_OFF(true),
    /** Withdrawn by the tenant or otherwise closed (e.g. a dispute upheld). Terminal. */
    CLOSED(true);

    private final boolean terminal;

    CaseStatus(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether the case has ended: a terminal status accepts no further command. */
    public boolean isTerminal() {
        return terminal;
    }
}

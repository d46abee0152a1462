package io.agiledunning.cases.dunning.strategy;

/** When a step becomes due, always a whole number of calendar days in the debtor's time zone after an anchor. */
public enum TriggerKind {
    /** {@code days} after the case entered dunning. */
    AFTER_START,
    /** {@code days} after the previous contact (or, if later, the last partial payment). */
    AFTER_PREVIOUS,
    /** {@code days} after the due date of the case's oldest claim. */
    DAYS_PAST_DUE,
    /** A reaction: sent {@code days} after a promise to pay was broken, before the ordered steps continue. */
    AFTER_BROKEN_PROMISE,
    /** A reaction: sent {@code days} after an installment plan defaulted, before the ordered steps continue. */
    AFTER_MISSED_INSTALLMENT;

    /** Reactions are not part of the ordered sequence; they interject when their event happens. */
    public boolean isReaction() {
        return this == AFTER_BROKEN_PROMISE || this == AFTER_MISSED_INSTALLMENT;
    }
}

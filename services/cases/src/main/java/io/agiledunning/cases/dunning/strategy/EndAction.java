package io.agiledunning.cases.dunning.strategy;

/** What happens when the horizon is reached and the case is still open. */
public enum EndAction {
    /** The case goes to the collection agency ({@code HANDED_OVER}). */
    HAND_OVER,
    /** The case is paused for a person to decide. */
    MANUAL_REVIEW
}

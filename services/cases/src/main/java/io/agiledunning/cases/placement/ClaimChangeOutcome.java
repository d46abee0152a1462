package io.agiledunning.cases.placement;

/** What {@code updateClaim} or {@code withdrawClaim} did. */
public enum ClaimChangeOutcome {
    /** The claim's data changed: {@code ClaimUpdated} on the timeline and in the outbox. */
    UPDATED,
    /** The claim left its case's balance: {@code ClaimWithdrawn}, and {@code CaseClosed} if it was the last one. */
    WITHDRAWN,
    /** Nothing to do: the same data again, or a claim withdrawn already. Nothing written, no event. */
    UNCHANGED
}

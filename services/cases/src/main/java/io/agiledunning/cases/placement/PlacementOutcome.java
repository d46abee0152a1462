package io.agiledunning.cases.placement;

/** What placing a claim did. */
public enum PlacementOutcome {
    /** A new claim: it joined the debtor's unfinished case, or opened a new one. */
    CREATED,
    /** A known claim with different data: updated, with a {@code ClaimUpdated} timeline entry and event. */
    UPDATED,
    /** A known claim with the same data: nothing written, no timeline entry, no event. */
    UNCHANGED
}

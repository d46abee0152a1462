package io.agiledunning.cases;

/** Where a case stands. The full lifecycle (dunning, promises, disputes, handover) comes with the cases issue. */
public enum CaseStatus {
    OPEN
}

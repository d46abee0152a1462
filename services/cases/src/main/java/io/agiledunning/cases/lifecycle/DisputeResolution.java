package io.agiledunning.cases.lifecycle;

import io.agiledunning.cases.CaseStatus;

/** The tenant's decision on a dispute, and the status it leads to. */
public enum DisputeResolution {
    /** The dispute is unfounded: dunning resumes. */
    REJECTED(CaseStatus.IN_DUNNING),
    /** The debtor is right and the tenant closes the case. */
    UPHELD_CLOSE(CaseStatus.CLOSED),
    /** The debtor is (partly) right and the tenant writes the claim off. */
    UPHELD_WRITE_OFF(CaseStatus.WRITTEN_OFF);

    private final CaseStatus leadsTo;

    DisputeResolution(CaseStatus leadsTo) {
        this.leadsTo = leadsTo;
    }

    public CaseStatus leadsTo() {
        return leadsTo;
    }
}

package io.agiledunning.cases.lifecycle;

/**
 * The timeline/outbox event a transition records. {@link #eventName()} is the event's name as listed in
 * docs/events.md and the cases issue (past tense, PascalCase).
 */
public enum CaseEventType {
    /** OPEN → IN_DUNNING (a status change without a more specific event). */
    CASE_STATUS_CHANGED("CaseStatusChanged"),
    CASE_PAUSED("CasePaused"),
    CASE_RESUMED("CaseResumed"),
    DISPUTE_OPENED("DisputeOpened"),
    DISPUTE_RESOLVED("DisputeResolved"),
    PROMISE_MADE("PromiseMade"),
    PROMISE_KEPT("PromiseKept"),
    PROMISE_BROKEN("PromiseBroken"),
    PLAN_ACTIVATED("PlanActivated"),
    PLAN_COMPLETED("PlanCompleted"),
    PLAN_DEFAULTED("PlanDefaulted"),
    /** A new claim joined; the status is unchanged. */
    CLAIM_ADDED("ClaimAdded"),
    /** The case ended by payment, settlement, handover, write-off or withdrawal ({@code to} says which). */
    CASE_CLOSED("CaseClosed");

    private final String eventName;

    CaseEventType(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }
}

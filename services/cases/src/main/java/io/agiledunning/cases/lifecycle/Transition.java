package io.agiledunning.cases.lifecycle;

import io.agiledunning.cases.CaseStatus;

import java.util.Objects;

/**
 * An allowed step: the case moves from {@code from} to {@code to} (possibly the same status, e.g. a claim
 * joining) and {@code event} is recorded on its timeline with the human-readable {@code reason}.
 */
public record Transition(CaseStatus from, CaseStatus to, CaseEventType event, String reason) implements LifecycleResult {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(reason, "reason");
    }

    /** Whether the status changes (false only for a claim joining). */
    public boolean statusChanged() {
        return from != to;
    }
}

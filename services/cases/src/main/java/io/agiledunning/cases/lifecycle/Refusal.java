package io.agiledunning.cases.lifecycle;

import io.agiledunning.cases.CaseStatus;

import java.util.Objects;

/** A command the case does not accept, with a message fit for the user ("cannot … a case that is …: …"). */
public record Refusal(CaseStatus current, Kind kind, String message) implements LifecycleResult {

    /** Why it was refused; maps to an API error code. */
    public enum Kind {
        /** The case is in a terminal status and accepts nothing. */
        CASE_CLOSED,
        /** The command does not apply to the current status. */
        NOT_ALLOWED_IN_STATUS,
        /** The command's data fails a guard (blank reason, past date, non-positive amount, …). */
        INVALID_INPUT
    }

    public Refusal {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}

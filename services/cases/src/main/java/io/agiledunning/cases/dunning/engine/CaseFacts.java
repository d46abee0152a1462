package io.agiledunning.cases.dunning.engine;

import io.agiledunning.cases.CaseStatus;
import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the decider knows of the case itself.
 *
 * @param oldestDueDate due date of the case's oldest claim (null when the case has no claims)
 * @param pausedUntil   for a PAUSED case: the day dunning resumes (null: until resumed by hand)
 * @param promisePayBy  for a PROMISED case: the promised date
 * @param reminderFee   the tenant's flat reminder fee (its legal settings), charged for steps without a fee of their own
 */
public record CaseFacts(CaseStatus status, Money outstanding, LocalDate oldestDueDate, LocalDate pausedUntil,
                        LocalDate promisePayBy, boolean deceased, boolean insolvency, Money reminderFee) {

    public CaseFacts {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(outstanding, "outstanding");
        Objects.requireNonNull(reminderFee, "reminderFee");
    }

    public CaseFacts withStatus(CaseStatus newStatus) {
        return new CaseFacts(newStatus, outstanding, oldestDueDate, pausedUntil, promisePayBy, deceased, insolvency, reminderFee);
    }
}

package io.agiledunning.cases.api;

import io.agiledunning.cases.Case;
import io.agiledunning.common.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A case ({@code debtorId} null when opened without a debtor); the lifecycle fields are null unless the case is in the
 * status they belong to; {@code closeReason} says how a finished case ended (e.g. WITHDRAWN); {@code oldestDueDate}
 * is that of the claims that count (days past due count from it).
 */
public record CaseView(UUID id, String externalReference, UUID debtorId, String debtorName, Money outstanding, String status, Instant createdAt,
                       String pauseReason, LocalDate pausedUntil, String disputeReason, String disputeEvidence,
                       LocalDate promisePayBy, Money promiseAmount, Integer planInstallments, Money planInstallmentAmount,
                       LocalDate planFirstDueOn, String closeReason, LocalDate oldestDueDate) {

    static CaseView of(Case c) {
        return new CaseView(c.id(), c.externalReference(), c.debtorId(), c.debtorName(), c.outstanding(), c.status().name(), c.createdAt(),
                c.pauseReason(), c.pausedUntil(), c.disputeReason(), c.disputeEvidence(), c.promisePayBy(), c.promiseAmount(),
                c.planInstallments(), c.planInstallmentAmount(), c.planFirstDueOn(),
                c.closeReason() == null ? null : c.closeReason().name(), c.oldestDueDate());
    }
}

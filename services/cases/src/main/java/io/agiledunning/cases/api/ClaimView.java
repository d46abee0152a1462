package io.agiledunning.cases.api;

import io.agiledunning.cases.Claim;
import io.agiledunning.common.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A claim; {@code open} is principal + fees − paid (zero once withdrawn; then {@code withdrawnAt} and its reason are set). */
public record ClaimView(UUID id, String externalReference, UUID debtorId, UUID caseId, String invoiceNumber, LocalDate issueDate,
                        LocalDate dueDate, Money principal, boolean consumerNotice, Money fees, Money paid, Money open,
                        Instant withdrawnAt, String withdrawalReason, Instant createdAt, Instant updatedAt) {

    static ClaimView of(Claim c) {
        return new ClaimView(c.id(), c.externalReference(), c.debtorId(), c.caseId(), c.invoiceNumber(), c.issueDate(),
                c.dueDate(), c.principal(), c.consumerNotice(), c.fees(), c.paid(), c.open(), c.withdrawnAt(), c.withdrawalReason(),
                c.createdAt(), c.updatedAt());
    }
}

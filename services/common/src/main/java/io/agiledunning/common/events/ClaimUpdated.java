package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A tenant re-placed a claim it had placed before with different data (amounts, dates, invoice number or the
 * consumer notice); {@code caseOutstanding} is the case's balance afterwards. An identical re-send emits nothing.
 */
public record ClaimUpdated(UUID caseId, UUID claimId, String claimReference, String invoiceNumber, LocalDate issueDate,
                           LocalDate dueDate, Money principal, Money fees, Money paid, boolean consumerNotice,
                           Money caseOutstanding) implements DomainEvent {
}

package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A tenant changed a claim it had placed before (by re-placing it or by {@code updateClaim}): the claim's data
 * afterwards, the names of the fields that changed ({@code principal}, {@code dueDate}, …) and the case's balance
 * afterwards ({@code caseOutstanding}). An identical re-send emits nothing. {@code changedFields} is empty in events
 * written before it existed.
 */
public record ClaimUpdated(UUID caseId, UUID claimId, String claimReference, String invoiceNumber, LocalDate issueDate,
                           LocalDate dueDate, Money principal, Money fees, Money paid, boolean consumerNotice,
                           Money caseOutstanding, List<String> changedFields) implements DomainEvent {

    public ClaimUpdated {
        changedFields = changedFields == null ? List.of() : List.copyOf(changedFields);
    }
}

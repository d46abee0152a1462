package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.util.UUID;

/**
 * The tenant withdrew a claim: it no longer counts towards its case's balance. {@code withdrawn} is what the claim
 * still asked for (principal + fees − paid), {@code caseOutstanding} the case's balance afterwards. When it was the
 * case's last claim, a {@code CaseClosed} (to CLOSED, reason WITHDRAWN) follows in the same transaction.
 */
public record ClaimWithdrawn(UUID caseId, UUID claimId, String claimReference, String reason, Money withdrawn,
                             Money caseOutstanding) implements DomainEvent {
}

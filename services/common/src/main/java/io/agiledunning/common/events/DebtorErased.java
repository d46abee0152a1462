package io.agiledunning.common.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A debtor's personal data was erased (Art. 17 GDPR). What a retention duty keeps (claims, payments, sent letters,
 * handover packages) stays, pseudonymized, until {@code retainedUntil} (null: nothing retained). Carries no personal
 * data: consumers drop what they hold of the debtor.
 */
public record DebtorErased(UUID debtorId, LocalDate retainedUntil, int casesKept, int claimsKept, String reason)
        implements DomainEvent {
}

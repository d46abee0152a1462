package io.agiledunning.common.events;

import java.util.UUID;

/** The restriction of a debtor's data (Art. 18 GDPR) was lifted; dunning continues where it stood. */
public record DebtorRestrictionLifted(UUID debtorId, String reason) implements DomainEvent {
}

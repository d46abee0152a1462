package io.agiledunning.common.events;

import java.util.UUID;

/**
 * The tenant restricted the processing of a debtor's data (Art. 18 GDPR): the data is kept, the dunning engine
 * contacts the debtor no more and takes no automatic step on the debtor's cases until the restriction is lifted.
 */
public record DebtorRestricted(UUID debtorId, String reason) implements DomainEvent {
}

package io.agiledunning.common.events;

import java.util.Map;
import java.util.UUID;

/**
 * The tenant set a debtor's own attributes (industry, product, tier …) that dunning segments match; {@code attributes}
 * is the whole new set, sorted by key (empty: cleared).
 */
public record DebtorAttributesChanged(UUID debtorId, Map<String, String> attributes) implements DomainEvent {
}

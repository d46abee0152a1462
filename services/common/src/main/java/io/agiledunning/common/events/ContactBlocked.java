package io.agiledunning.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The dunning engine held back what was due (a guardrail or a dunning stop), with every reason; emitted when the
 * reasons change, not on every re-check. {@code retryAt} is when the engine looks again.
 */
public record ContactBlocked(UUID caseId, List<String> reasons, Instant retryAt) implements DomainEvent {
}

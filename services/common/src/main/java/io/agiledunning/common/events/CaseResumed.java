package io.agiledunning.common.events;

import java.util.UUID;

/** Dunning on a paused case resumed. */
public record CaseResumed(UUID caseId, String reason) implements DomainEvent {
}

package io.agiledunning.common.events;

import java.util.UUID;

/** The promise date passed without the promised payment; dunning resumes. */
public record PromiseBroken(UUID caseId, String reason) implements DomainEvent {
}

package io.agiledunning.common.events;

import java.util.UUID;

/** An installment was missed beyond tolerance; dunning resumes. */
public record PlanDefaulted(UUID caseId, String reason) implements DomainEvent {
}

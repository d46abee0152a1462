package io.agiledunning.common.events;

import java.util.UUID;

/** The last installment was paid: the case is PAID. */
public record PlanCompleted(UUID caseId) implements DomainEvent {
}

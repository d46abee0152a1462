package io.agiledunning.common.events;

import java.util.UUID;

/** The debtor disputes the claim; dunning stops until the tenant resolves it. */
public record DisputeOpened(UUID caseId, String reason, String evidenceNote) implements DomainEvent {
}

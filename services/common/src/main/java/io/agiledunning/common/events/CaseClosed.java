package io.agiledunning.common.events;

import java.util.UUID;

/** A case ended: {@code to} is its terminal status (PAID, SETTLED, HANDED_OVER, WRITTEN_OFF, CLOSED), {@code reason} says how. */
public record CaseClosed(UUID caseId, String from, String to, String reason) implements DomainEvent {
}

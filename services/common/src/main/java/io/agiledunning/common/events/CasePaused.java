package io.agiledunning.common.events;

import java.time.LocalDate;
import java.util.UUID;

/** The tenant paused dunning on a case, indefinitely ({@code until} null) or until (not including) a date. */
public record CasePaused(UUID caseId, String reason, LocalDate until) implements DomainEvent {
}

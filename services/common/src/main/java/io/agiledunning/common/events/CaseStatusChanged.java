package io.agiledunning.common.events;

import java.util.UUID;

/** A case moved from one status to another; published for every status change, after the specific event. {@code from}/{@code to} are case status names. */
public record CaseStatusChanged(UUID caseId, String from, String to, String reason) implements DomainEvent {
}

package io.agiledunning.common.events;

import java.util.UUID;

/** The tenant decided an open dispute: {@code resolution} REJECTED, UPHELD_CLOSE or UPHELD_WRITE_OFF, {@code to} the status it led to. */
public record DisputeResolved(UUID caseId, String resolution, String note, String to) implements DomainEvent {
}

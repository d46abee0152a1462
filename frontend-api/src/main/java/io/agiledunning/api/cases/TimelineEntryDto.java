package io.agiledunning.api.cases;

import java.time.Instant;
import java.util.UUID;

/** One entry of a case's timeline as the cases service returns it. */
public record TimelineEntryDto(UUID id, String type, String from, String to, String reason, String actor, Instant occurredAt) {
}

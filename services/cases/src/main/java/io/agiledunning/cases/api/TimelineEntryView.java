package io.agiledunning.cases.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.CaseEvent;

import java.time.Instant;
import java.util.UUID;

/** One entry of a case's timeline: {@code type} is the event name, {@code from} is null for the opening. */
public record TimelineEntryView(UUID id, String type, String from, String to, String reason, JsonNode data, String actor,
                                Instant occurredAt) {

    static TimelineEntryView of(CaseEvent e, ObjectMapper json) {
        try {
            return new TimelineEntryView(e.id(), e.type(), e.fromStatus(), e.toStatus(), e.reason(), json.readTree(e.dataJson()),
                    e.actor(), e.occurredAt());
        } catch (Exception ex) {
            throw new IllegalStateException("timeline entry " + e.id() + " has unreadable data", ex);
        }
    }
}

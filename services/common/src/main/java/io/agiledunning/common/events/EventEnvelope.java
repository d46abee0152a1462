package io.agiledunning.common.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How every event travels: outbox row, Kafka record value, inbox key. The payload stays JSON here so
 * consumers can read the envelope without knowing every payload type.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        UUID tenantId,
        String aggregateId,
        Instant occurredAt,
        String correlationId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    public static EventEnvelope of(DomainEvent event, UUID tenantId, String aggregateId, Instant occurredAt,
                                   String correlationId, ObjectMapper json) {
        EventType type = EventType.of(event);
        return new EventEnvelope(UUID.randomUUID(), type.wireName(), type.schemaVersion(), tenantId, aggregateId,
                occurredAt, correlationId, json.valueToTree(event));
    }

    /** Reads a Kafka record value; anything else is refused naming what was wrong. */
    public static EventEnvelope parse(String message, ObjectMapper json) {
        try {
            return json.readValue(message, EventEnvelope.class);
        } catch (Exception e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getMessage(), e);
        }
    }

    /** Kafka key: all events of one aggregate land in one partition, in order. */
    public String messageKey() {
        return tenantId + ":" + aggregateId;
    }

    public <T> T payloadAs(Class<T> type, ObjectMapper json) {
        try {
            return json.treeToValue(payload, type);
        } catch (Exception e) {
            throw new IllegalArgumentException("event %s (%s v%d) has a payload that is not a %s: %s"
                    .formatted(eventId, this.type, schemaVersion, type.getSimpleName(), e.getMessage()), e);
        }
    }
}

package io.agiledunning.common.data.outbox;

import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.EventType;
import io.agiledunning.common.events.DomainEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes events in the caller's transaction, so an event exists exactly when the state change it
 * reports was committed. {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final Clock clock;

    public Outbox(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param aggregateId   what the fact is about; with the tenant it is the Kafka key, so one aggregate's
     *                      events stay in order
     * @param correlationId the request that caused it, or null to start a new correlation
     */
    public Uni<EventEnvelope> append(Mutiny.Session session, TenantId tenant, Object aggregateId, DomainEvent event,
                                     String correlationId) {
        EventEnvelope envelope = EventEnvelope.of(event, tenant.value(), aggregateId.toString(), clock.instant(),
                correlationId != null ? correlationId : UUID.randomUUID().toString(), json);
        return session.createNativeQuery("""
                        insert into outbox (event_id, tenant_id, topic, message_key, envelope, created_at)
                        values (:eventId, :tenantId, :topic, :key, cast(cast(:envelope as text) as jsonb), clock_timestamp())""")
                // text first: a String bound to jsonb would be stored as a JSON string. clock_timestamp(), not the
                // column's default now() (the transaction's start): events appended in one transaction keep their order.
                .setParameter("eventId", envelope.eventId())
                .setParameter("tenantId", envelope.tenantId())
                .setParameter("topic", EventType.of(event).topic())
                .setParameter("key", envelope.messageKey())
                .setParameter("envelope", serialize(envelope))
                .executeUpdate()
                .replaceWith(envelope);
    }

    /**
     * Appends {@code events} of one tenant in one multi-row statement, in the given order (each row's
     * {@code clock_timestamp()} is later than the one before), for callers that decide many aggregates in one
     * transaction (the dunning engine).
     */
    public Uni<List<EventEnvelope>> appendAll(Mutiny.Session session, TenantId tenant, List<Pending> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<EventEnvelope> envelopes = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            Pending pending = events.get(i);
            envelopes.add(EventEnvelope.of(pending.event(), tenant.value(), pending.aggregateId().toString(), clock.instant(),
                    pending.correlationId() != null ? pending.correlationId() : UUID.randomUUID().toString(), json));
            rows.append(i == 0 ? "" : ", ").append("(:e%1$d, :t%1$d, :p%1$d, :k%1$d, cast(cast(:v%1$d as text) as jsonb), clock_timestamp())"
                    .formatted(i));
        }
        var insert = session.createNativeQuery(
                "insert into outbox (event_id, tenant_id, topic, message_key, envelope, created_at) values " + rows);
        for (int i = 0; i < envelopes.size(); i++) {
            EventEnvelope envelope = envelopes.get(i);
            insert.setParameter("e" + i, envelope.eventId())
                    .setParameter("t" + i, envelope.tenantId())
                    .setParameter("p" + i, EventType.of(events.get(i).event()).topic())
                    .setParameter("k" + i, envelope.messageKey())
                    .setParameter("v" + i, serialize(envelope));
        }
        return insert.executeUpdate().replaceWith(envelopes);
    }

    /** One event for {@link #appendAll}: what it is about, the fact, and its correlation id (null: a new one). */
    public record Pending(Object aggregateId, DomainEvent event, String correlationId) {
    }

    private String serialize(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be serialised", e);
        }
    }
}

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

    private String serialize(EventEnvelope envelope) {
        try {
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be serialised", e);
        }
    }
}

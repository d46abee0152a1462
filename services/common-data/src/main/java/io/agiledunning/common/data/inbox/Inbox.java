package io.agiledunning.common.data.inbox;

import io.agiledunning.common.events.EventEnvelope;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Remembers, in the consumer's own transaction, which events it has applied. Kafka delivers at least
 * once and the relay may publish twice; the inbox makes the effect happen once.
 */
@ApplicationScoped
public class Inbox {

    /**
     * @return true the first time {@code consumer} sees this event (then apply it in the same
     * transaction), false for a redelivery (then do nothing)
     */
    public Uni<Boolean> firstDelivery(Mutiny.Session session, String consumer, EventEnvelope event) {
        return session.createNativeQuery("""
                        insert into inbox (consumer, event_id, tenant_id) values (:consumer, :eventId, :tenantId)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.eventId())
                .setParameter("tenantId", event.tenantId())
                .executeUpdate()
                .map(inserted -> inserted == 1);
    }
}

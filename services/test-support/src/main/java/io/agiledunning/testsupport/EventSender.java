package io.agiledunning.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.EventType;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Plays another service's events onto Kafka as that service's outbox and relay would: the production envelope
 * ({@link EventEnvelope#of}) written by the consuming service's own {@link ObjectMapper}, on the event type's topic,
 * keyed by tenant and aggregate. Each send waits for the broker's acknowledgement, so a test can await the
 * consumer's effect right after. The counterpart of {@link PublishedEvents}, which reads what a service published.
 */
public final class EventSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static KafkaProducer<String, String> producer;

    private final ObjectMapper json;

    public EventSender(ObjectMapper json) {
        this.json = json;
    }

    /** Publishes an event about the tenant itself (onboarding's tenant events): the tenant is the aggregate. */
    public EventEnvelope publish(UUID tenantId, DomainEvent event) {
        return publish(tenantId, tenantId, event);
    }

    public EventEnvelope publish(UUID tenantId, Object aggregateId, DomainEvent event) {
        return publish(envelope(tenantId, aggregateId, event));
    }

    /** The envelope the source service's outbox would write, not sent yet: to send it, and then again (a redelivery). */
    public EventEnvelope envelope(UUID tenantId, Object aggregateId, DomainEvent event) {
        return EventEnvelope.of(event, tenantId, aggregateId.toString(), Instant.now(), "test", json);
    }

    /** Publishes {@code envelope} (again) on the topic of its type. */
    public EventEnvelope publish(EventEnvelope envelope) {
        return publish(EventType.named(envelope.type()).map(EventType::topic).orElseThrow(() -> new IllegalArgumentException(
                envelope.type() + " is not listed in EventType: name the topic to publish it on")), envelope);
    }

    /** Publishes {@code envelope} on {@code topic}, also one of a type this version does not know (a newer producer's). */
    public EventEnvelope publish(String topic, EventEnvelope envelope) {
        try {
            producer().send(new ProducerRecord<>(topic, envelope.messageKey(), json.writeValueAsString(envelope)))
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return envelope;
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + envelope.type() + " on " + topic + ": " + e.getMessage(), e);
        }
    }

    /** One producer for the JVM, like its broker; closed at exit. */
    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            KafkaProducer<String, String> created = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.start().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
            Shutdown.first(() -> created.close(Duration.ZERO));
            producer = created;
        }
        return producer;
    }
}

package io.agiledunning.common.data.outbox;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/** Sends records to Kafka and completes when the broker acknowledged them (acks=all, idempotent producer). */
@ApplicationScoped
public class EventPublisher {

    private final String bootstrapServers;
    private volatile KafkaProducer<String, String> producer;

    public EventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public Uni<Void> publish(String topic, String key, String value) {
        return Uni.createFrom().emitter(emitter -> producer().send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
            if (error != null) {
                emitter.fail(new IllegalStateException("Kafka did not accept an event for " + topic + ": " + error.getMessage(), error));
            } else {
                emitter.complete(null);
            }
        }));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                            new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}

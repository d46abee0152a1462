package io.agiledunning.cases.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.TenantSettingsChanged;
import io.agiledunning.common.events.Topics;
import io.agiledunning.testsupport.KafkaServer;
import io.agiledunning.testsupport.TestTenant;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Publishes settings changes as onboarding does (tenants topic, keyed by tenant), in the order given. */
public final class TenantSettingsEvents {

    private TenantSettingsEvents() {
    }

    public record Change(TestTenant tenant, TenantSettingsChanged settings) {
    }

    public static void publish(ObjectMapper json, List<Change> changes) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", KafkaServer.start().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (Change change : changes) {
                EventEnvelope envelope = EventEnvelope.of(change.settings(), change.tenant().id(), change.tenant().id().toString(),
                        Instant.now(), "test", json);
                producer.send(new ProducerRecord<>(Topics.TENANTS, envelope.messageKey(), json.writeValueAsString(envelope))).get();
            }
        }
    }
}

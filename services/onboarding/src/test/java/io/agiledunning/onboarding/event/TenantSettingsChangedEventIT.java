package io.agiledunning.onboarding.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.TenantSettingsChanged;
import io.agiledunning.common.events.Topics;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KafkaServer;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Changing the settings writes TenantSettingsChanged to the outbox in the same transaction; the relay brings it to Kafka. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "onboarding"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class TenantSettingsChangedEventIT {

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Test
    void changingTheSettingsPublishesTenantSettingsChangedKeyedByTheTenant() throws IOException {
        TestTenant tenant = TestTenants.create("set-events");
        String admin = tenant.adminToken();
        Instant before = Instant.now();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .header("X-Correlation-Id", "corr-settings-1")
                .body("""
                        {"displayName": "Events GmbH", "locale": "en", "timeZone": "Europe/Dublin", "defaultCurrency": "EUR",
                         "dunningHorizonDays": 45, "expectedVersion": 0}""")
                .put("/api/tenant-settings")
                .then().statusCode(200);

        int published = relay.relayAll();

        assertTrue(published >= 1, "the relay published nothing");
        assertEquals(0, relay.relayAll(), "a published event must not be relayed again");
        // The settings are the tenant's own aggregate: its id is the tenant id.
        EventEnvelope envelope = read(onlyRecord(Topics.TENANTS, tenant.id() + ":" + tenant.id()).value());
        assertEquals("TenantSettingsChanged", envelope.type());
        assertEquals(1, envelope.schemaVersion());
        assertEquals(tenant.id(), envelope.tenantId());
        assertEquals(tenant.id().toString(), envelope.aggregateId());
        assertEquals("corr-settings-1", envelope.correlationId());
        assertNotNull(envelope.eventId());
        assertFalse(envelope.occurredAt().isBefore(before.minusSeconds(5)), "occurredAt " + envelope.occurredAt());
        assertFalse(envelope.occurredAt().isAfter(Instant.now()), "occurredAt " + envelope.occurredAt());
        assertEquals(new TenantSettingsChanged("Events GmbH", "en", "Europe/Dublin", "EUR", 45, 1, subject(admin)),
                envelope.payloadAs(TenantSettingsChanged.class, json));
    }

    private String subject(String token) throws IOException {
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
    }

    /** Polls the topic from the start until the key shows up, then a little longer to catch a duplicate. */
    private static ConsumerRecord<String, String> onlyRecord(String topic, String key) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaServer.start().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> matching = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            Instant settled = null;
            while (Instant.now().isBefore(settled != null ? settled : deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        matching.add(r);
                    }
                });
                if (settled == null && !matching.isEmpty()) {
                    settled = Instant.now().plusSeconds(2);
                }
            }
            assertEquals(1, matching.size(), "expected exactly one record with key " + key + " on " + topic);
            return matching.getFirst();
        }
    }

    private EventEnvelope read(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }
}

package io.agiledunning.communications.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.MessageTemplateSaved;
import io.agiledunning.common.events.Topics;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.PublishedEvents;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving a template writes MessageTemplateSaved to the outbox in the same transaction; the relay brings it to Kafka. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "communications"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class MessageTemplateSavedEventIT {

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Test
    void savingATemplatePublishesMessageTemplateSavedKeyedByTenantAndTemplate() {
        TestTenant tenant = TestTenants.create("tpl-events");
        Instant before = Instant.now();
        String templateId = given().auth().oauth2(tenant.adminToken()).contentType(ContentType.JSON)
                .header("X-Correlation-Id", "corr-tpl-3")
                .body("""
                        {"key": "final-notice", "channel": "EMAIL", "locale": "en", "subject": "Final notice", "body": "Pay now."}""")
                .post("/api/templates")
                .then().statusCode(201)
                .extract().path("id");

        int published = relay.relayAll();

        assertTrue(published >= 1, "the relay published nothing");
        assertEquals(0, relay.relayAll(), "a published event must not be relayed again");
        EventEnvelope envelope = read(PublishedEvents.onlyValueWithKey(Topics.COMMUNICATIONS, tenant.id() + ":" + templateId));
        assertEquals("MessageTemplateSaved", envelope.type());
        assertEquals(1, envelope.schemaVersion());
        assertEquals(tenant.id(), envelope.tenantId());
        assertEquals(templateId, envelope.aggregateId());
        assertEquals("corr-tpl-3", envelope.correlationId());
        assertNotNull(envelope.eventId());
        assertFalse(envelope.occurredAt().isBefore(before.minusSeconds(5)), "occurredAt " + envelope.occurredAt());
        assertFalse(envelope.occurredAt().isAfter(Instant.now()), "occurredAt " + envelope.occurredAt());
        assertEquals(new MessageTemplateSaved(UUID.fromString(templateId), "final-notice", "EMAIL", "en"),
                envelope.payloadAs(MessageTemplateSaved.class, json));
    }


    private EventEnvelope read(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }
}

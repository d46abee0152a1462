package io.agiledunning.onboarding.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.TenantSettingsChanged;
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

import java.io.IOException;
import java.time.Instant;
import java.util.Base64;

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
                         "dunningHorizonDays": 45, "legalFooter": "Events GmbH, Musterstraße 1, 10115 Berlin",
                         "agencyName": "Inkasso Nord", "agencyChannel": "WEBHOOK", "agencyWebhookUrl": "https://agency.example/handover",
                         "expectedVersion": 0}""")
                .put("/api/tenant-settings")
                .then().statusCode(200);

        int published = relay.relayAll();

        assertTrue(published >= 1, "the relay published nothing");
        assertEquals(0, relay.relayAll(), "a published event must not be relayed again");
        // The settings are the tenant's own aggregate: its id is the tenant id.
        EventEnvelope envelope = read(PublishedEvents.onlyValueWithKey(Topics.TENANTS, tenant.id() + ":" + tenant.id()));
        assertEquals("TenantSettingsChanged", envelope.type());
        assertEquals(2, envelope.schemaVersion());
        assertEquals(tenant.id(), envelope.tenantId());
        assertEquals(tenant.id().toString(), envelope.aggregateId());
        assertEquals("corr-settings-1", envelope.correlationId());
        assertNotNull(envelope.eventId());
        assertFalse(envelope.occurredAt().isBefore(before.minusSeconds(5)), "occurredAt " + envelope.occurredAt());
        assertFalse(envelope.occurredAt().isAfter(Instant.now()), "occurredAt " + envelope.occurredAt());
        assertEquals(new TenantSettingsChanged("Events GmbH", "en", "Europe/Dublin", "EUR", 45, null,
                        java.util.List.of("displayName", "locale", "timeZone", "dunningHorizonDays", "legalFooter", "agencyName",
                                "agencyChannel", "agencyWebhookUrl"), 1, subject(admin),
                        "Events GmbH, Musterstraße 1, 10115 Berlin", "Inkasso Nord", "WEBHOOK", "https://agency.example/handover"),
                envelope.payloadAs(TenantSettingsChanged.class, json));
    }

    private String subject(String token) throws IOException {
        return json.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
    }


    private EventEnvelope read(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }
}

package io.agiledunning.cases.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.CaseOpened;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.Topics;
import io.agiledunning.common.money.Money;
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

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening a case writes CaseOpened to the outbox in the same transaction; the relay brings it to Kafka. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class CaseOpenedEventIT {

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Test
    void openingACasePublishesCaseOpenedKeyedByTenantAndCase() {
        TestTenant tenant = TestTenants.create("events");
        String caseId = given().auth().oauth2(tenant.agentToken()).contentType(ContentType.JSON)
                .header("X-Correlation-Id", "corr-42")
                .body("""
                        {"externalReference": "EV-1", "debtorName": "Erika", "amount": {"amount": 99.90, "currency": "EUR"}}""")
                .post("/api/cases")
                .then().statusCode(201)
                .extract().path("id");

        int published = relay.relayAll();

        assertTrue(published >= 1, "the relay published nothing");
        assertEquals(0, relay.relayAll(), "a published event must not be relayed again");
        EventEnvelope envelope = read(PublishedEvents.onlyValueWithKey(Topics.CASES, tenant.id() + ":" + caseId));
        assertEquals("CaseOpened", envelope.type());
        assertEquals(1, envelope.schemaVersion());
        assertEquals(tenant.id(), envelope.tenantId());
        assertEquals(caseId, envelope.aggregateId());
        assertEquals("corr-42", envelope.correlationId());
        CaseOpened payload = envelope.payloadAs(CaseOpened.class, json);
        assertEquals(new CaseOpened(UUID.fromString(caseId), "EV-1", "Erika", Money.of("99.90", "EUR")), payload);
    }


    private EventEnvelope read(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }
}

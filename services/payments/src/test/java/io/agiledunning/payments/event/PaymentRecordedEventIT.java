package io.agiledunning.payments.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.PaymentRecorded;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recording a payment writes PaymentRecorded to the outbox in the same transaction; the relay brings it to Kafka. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "payments"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class PaymentRecordedEventIT {

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Test
    void recordingAPaymentPublishesPaymentRecordedKeyedByTenantAndCase() {
        TestTenant tenant = TestTenants.create("pay-events");
        UUID caseId = UUID.randomUUID();
        LocalDate receivedOn = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        Instant before = Instant.now();
        String paymentId = given().auth().oauth2(tenant.agentToken()).contentType(ContentType.JSON)
                .header("X-Correlation-Id", "corr-pay-7")
                .body("""
                        {"caseId": "%s", "amount": {"amount": 120.50, "currency": "EUR"}, "method": "DIRECT_DEBIT",
                         "receivedOn": "%s", "reference": "SEPA-1"}""".formatted(caseId, receivedOn))
                .post("/api/payments")
                .then().statusCode(201)
                .extract().path("id");

        int published = relay.relayAll();

        assertTrue(published >= 1, "the relay published nothing");
        assertEquals(0, relay.relayAll(), "a published event must not be relayed again");
        // A payment is a fact about its case: one case's payments share a key, so they stay in order.
        EventEnvelope envelope = read(PublishedEvents.onlyValueWithKey(Topics.PAYMENTS, tenant.id() + ":" + caseId));
        assertEquals("PaymentRecorded", envelope.type());
        assertEquals(1, envelope.schemaVersion());
        assertEquals(tenant.id(), envelope.tenantId());
        assertEquals(caseId.toString(), envelope.aggregateId());
        assertEquals("corr-pay-7", envelope.correlationId());
        assertNotNull(envelope.eventId());
        assertFalse(envelope.occurredAt().isBefore(before.minusSeconds(5)), "occurredAt " + envelope.occurredAt());
        assertFalse(envelope.occurredAt().isAfter(Instant.now()), "occurredAt " + envelope.occurredAt());
        assertEquals(new PaymentRecorded(UUID.fromString(paymentId), caseId, Money.of("120.50", "EUR"), "DIRECT_DEBIT", receivedOn),
                envelope.payloadAs(PaymentRecorded.class, json));
    }


    @Test
    void theClaimsTheDebtorNamedAreStoredAndCarriedInOrderByTheEvent() {
        TestTenant tenant = TestTenants.create("pay-designation");
        UUID caseId = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        LocalDate receivedOn = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        String paymentId = given().auth().oauth2(tenant.agentToken()).contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "amount": {"amount": 80.00, "currency": "EUR"}, "method": "BANK_TRANSFER",
                         "receivedOn": "%s", "reference": "RE 2 und RE 1", "designatedClaimIds": ["%s", "%s"]}"""
                        .formatted(caseId, receivedOn, second, first))
                .post("/api/payments")
                .then().statusCode(201)
                .body("designatedClaimIds", contains(second.toString(), first.toString()))
                .extract().path("id");
        given().auth().oauth2(tenant.viewerToken()).get("/api/payments/case/{id}", caseId).then()
                .statusCode(200)
                .body("[0].designatedClaimIds", contains(second.toString(), first.toString()));

        relay.relayAll();
        EventEnvelope envelope = read(PublishedEvents.onlyValueWithKey(Topics.PAYMENTS, tenant.id() + ":" + caseId));
        assertEquals(new PaymentRecorded(UUID.fromString(paymentId), caseId, Money.of("80.00", "EUR"), "BANK_TRANSFER",
                        receivedOn, List.of(second, first)),
                envelope.payloadAs(PaymentRecorded.class, json));
    }

    private EventEnvelope read(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }
}

package io.agiledunning.payments.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.events.DebtorRecordsDeleted;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.testsupport.EventSender;
import io.agiledunning.testsupport.Eventually;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * When cases deleted an erased debtor's records (DebtorRecordsDeleted over Kafka), the payments of the debtor's cases
 * go too, once: another case of the tenant and another tenant's payments under the same case id stay, and a redelivered
 * event deletes nothing recorded after the first delivery.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "payments"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class DebtorRecordsDeletedIT {

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Test
    void theErasedDebtorsPaymentsGoOnceTheirRetentionEnded() throws Exception {
        TestTenant acme = TestTenants.create("pay-retention-acme");
        TestTenant globex = TestTenants.create("pay-retention-globex");
        UUID erasedCase = UUID.randomUUID();
        UUID otherCase = UUID.randomUUID();
        record(acme, erasedCase, "SEPA-1");
        record(acme, erasedCase, "SEPA-2");
        record(acme, otherCase, "SEPA-3");
        record(globex, erasedCase, "SEPA-4"); // the same case id in another tenant: not the erased debtor's

        UUID debtor = UUID.randomUUID();
        EventSender events = new EventSender(json);
        EventEnvelope deleted = events.publish(acme.id(), debtor, new DebtorRecordsDeleted(debtor, LocalDate.parse("2034-12-31"),
                List.of(erasedCase), Map.of("cases", 1L)));
        Eventually.within(Duration.ofSeconds(60), () -> payments(acme, erasedCase).body("", hasSize(0)));
        payments(acme, otherCase).body("reference", contains("SEPA-3"));
        payments(globex, erasedCase).body("reference", contains("SEPA-4"));

        // A redelivery changes nothing: a payment recorded since stays. The next event of the same debtor (same
        // partition) shows that the redelivery before it was consumed.
        record(acme, erasedCase, "SEPA-5");
        events.publish(deleted);
        EventEnvelope next = events.publish(acme.id(), debtor, new DebtorRecordsDeleted(debtor, LocalDate.parse("2034-12-31"),
                List.of(), Map.of()));
        Eventually.within(Duration.ofSeconds(60), () -> assertEquals(1, inbox(next)));
        assertEquals(1, inbox(deleted));
        payments(acme, erasedCase).body("reference", contains("SEPA-5"));
        payments(globex, erasedCase).body("reference", contains("SEPA-4"));
    }

    private void record(TestTenant tenant, UUID caseId, String reference) {
        given().auth().oauth2(tenant.agentToken()).contentType(ContentType.JSON)
                .body("""
                        {"caseId": "%s", "amount": {"amount": 25.00, "currency": "EUR"}, "method": "BANK_TRANSFER",
                         "receivedOn": "%s", "reference": "%s"}""".formatted(caseId, LocalDate.now(ZoneOffset.UTC).minusDays(1), reference))
                .post("/api/payments").then().statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse payments(TestTenant tenant, UUID caseId) {
        return given().auth().oauth2(tenant.viewerToken()).get("/api/payments/case/{id}", caseId).then().statusCode(200);
    }

    private long inbox(EventEnvelope event) {
        return pool.preparedQuery("select count(*) from inbox where consumer = 'payments.debtor-records' and event_id = $1")
                .execute(Tuple.of(event.eventId())).await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }
}

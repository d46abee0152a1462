package io.agiledunning.reporting.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.events.CaseOpened;
import io.agiledunning.common.events.EventEnvelope;
import io.agiledunning.common.events.Topics;
import io.agiledunning.common.money.Money;
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
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reporting applies each CaseOpened once per tenant, however often Kafka delivers it. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "reporting"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class CaseEventsConsumerIT {

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @Test
    void aRedeliveredEventIsCountedOnceAndOnlyForItsTenant() throws Exception {
        TestTenant acme = TestTenants.create("report-a");
        TestTenant globex = TestTenants.create("report-b");
        EventEnvelope first = caseOpened(acme, "12.50");
        EventEnvelope second = caseOpened(acme, "7.50");

        publish(first);
        publish(second);
        publish(first); // the relay may publish an event twice; the inbox must absorb it
        publish(second);
        // One partition (test broker), consumed in order: once the marker is in, so are the duplicates.
        EventEnvelope marker = unknownEvent(acme);
        publish(marker);
        awaitProcessed(marker);
        assertEquals(3, inboxRows(acme.id(), null), "two cases and the marker, each once");

        given().auth().oauth2(acme.viewerToken()).get("/api/reporting/case-stats").then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].casesOpened", equalTo(2))
                .body("[0].amountPlaced.amount", equalTo(20.0f))
                .body("[0].amountPlaced.currency", equalTo("EUR"));
        given().auth().oauth2(globex.viewerToken()).get("/api/reporting/case-stats").then()
                .statusCode(200)
                .body("$", empty());
        given().get("/api/reporting/case-stats").then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void anEventOfAnUnknownTypeIsRecordedAndOtherwiseIgnored() throws Exception {
        TestTenant tenant = TestTenants.create("report-c");
        EventEnvelope unknown = unknownEvent(tenant);

        publish(unknown);
        awaitProcessed(unknown);

        given().auth().oauth2(tenant.viewerToken()).get("/api/reporting/case-stats").then()
                .statusCode(200)
                .body("$", empty());
    }

    private EventEnvelope caseOpened(TestTenant tenant, String amount) {
        UUID caseId = UUID.randomUUID();
        CaseOpened event = new CaseOpened(caseId, "REF-" + caseId, "Erika", Money.of(amount, "EUR"));
        return new EventSender(json).envelope(tenant.id(), caseId, event);
    }

    /** A type from a newer producer: recorded in the inbox, otherwise ignored. */
    private EventEnvelope unknownEvent(TestTenant tenant) {
        return new EventEnvelope(UUID.randomUUID(), "SomethingNew", 1, tenant.id(), "x", Instant.now(), "test",
                json.createObjectNode().put("field", "value"));
    }

    private void publish(EventEnvelope envelope) {
        new EventSender(json).publish(Topics.CASES, envelope);
    }

    /** The inbox has no row-level security (infrastructure, read by no API), so the app role reads it directly. */
    private long inboxRows(UUID tenant, UUID eventId) {
        return pool.preparedQuery("select count(*) from inbox where tenant_id = $1 and ($2::uuid is null or event_id = $2)")
                .execute(Tuple.of(tenant, eventId))
                .await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    private void awaitProcessed(EventEnvelope envelope) {
        Eventually.within(Duration.ofSeconds(30), () -> assertEquals(1, inboxRows(envelope.tenantId(), envelope.eventId()),
                "event " + envelope.eventId() + " processed"));
    }
}

package io.agiledunning.cases.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.dunning.service.SimulationClock;
import io.agiledunning.common.events.TenantSettingsChanged;
import io.agiledunning.testsupport.EventSender;
import io.agiledunning.testsupport.Inboxes;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/**
 * "Today" of the case commands and queries is the tenant's local date: at 23:30 UTC on 31 March a Berlin tenant (the
 * default) already lives on 1 April, a New York tenant (its TenantSettingsChanged over Kafka) still on 31 March, and
 * each is judged by its own day, never by the other's or by UTC's.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class TenantTodayIT {

    /** 2026-04-01 01:30 in Berlin (summer time), 2026-03-31 19:30 in New York. */
    private static final Instant LATE_EVENING_UTC = Instant.parse("2026-03-31T23:30:00Z");

    @Inject
    ObjectMapper json;

    @AfterEach
    void systemTime() {
        SimulationClock.CLOCK.release();
    }

    @Test
    void eachTenantsCommandsAndQueriesUseItsOwnLocalDate() throws Exception {
        TestTenant berlin = TestTenants.create("tz-berlin");
        TestTenant newYork = TestTenants.create("tz-newyork");
        SimulationClock.CLOCK.set(LATE_EVENING_UTC);
        String berlinCase = placeAndStart(berlin);
        String newYorkCase = placeAndStart(newYork);

        EventSender onboarding = new EventSender(json);
        onboarding.publish(newYork.id(), settings("America/New_York", 2));
        // Late and older: ignored. Once consumed, the newer one before it on the same key was too (in Tokyo, already 1 April).
        Inboxes.awaitApplied("cases", "cases.tenant-holds", onboarding.publish(newYork.id(), settings("Asia/Tokyo", 1)));
        statement(newYork, newYorkCase, "2026-04-01").statusCode(400)
                .body("fields[0].field", equalTo("asOf"))
                .body("fields[0].reason", equalTo("must not be after today (2026-03-31)"));

        // Berlin: 1 April. A promise to pay by 1 April is today's; 31 March is past; the statement as of 1 April exists.
        statement(berlin, berlinCase, "2026-04-01").statusCode(200).body("asOf", equalTo("2026-04-01"));
        command(berlin, berlinCase, Map.of("type", "PAUSE", "reason", "holiday", "until", "2026-04-01")).statusCode(400)
                .body("fields[0].reason", equalTo("the pause must end after today (2026-04-01), got 2026-04-01"));
        command(berlin, berlinCase, promise("2026-03-31")).statusCode(400)
                .body("fields[0].reason", equalTo("the promise date 2026-03-31 is in the past (today is 2026-04-01)"));
        command(berlin, berlinCase, promise("2026-04-01")).statusCode(200)
                .body("status", equalTo("PROMISED")).body("promisePayBy", equalTo("2026-04-01"));

        // New York: still 31 March, the same promise date is today's there.
        command(newYork, newYorkCase, promise("2026-03-31")).statusCode(200)
                .body("status", equalTo("PROMISED")).body("promisePayBy", equalTo("2026-03-31"));

        // Days past due of a claim due on 1 March: 31 in Berlin, 30 in New York.
        search(berlin, "minDaysPastDue=31&maxDaysPastDue=31").body("items.case.id", contains(berlinCase));
        search(newYork, "minDaysPastDue=31").body("items", empty());
        search(newYork, "minDaysPastDue=30&maxDaysPastDue=30").body("items.case.id", contains(newYorkCase));

        // Another tenant's case is not found, whatever its day.
        command(newYork, berlinCase, promise("2026-03-31")).statusCode(404).body("code", equalTo("NOT_FOUND"));
        statement(berlin, newYorkCase, "2026-03-31").statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    private static TenantSettingsChanged settings(String timeZone, int version) {
        return new TenantSettingsChanged("Tenant", "en", timeZone, "EUR", 180, null, List.of("timeZone"), version,
                "tenant-admin", null, null, null, null);
    }

    private static Map<String, Object> promise(String payBy) {
        return Map.of("type", "MAKE_PROMISE", "payBy", payBy, "amount", Map.of("amount", "50.00", "currency", "EUR"));
    }

    /** @return the case id, IN_DUNNING with one claim due on 2026-03-01 */
    private static String placeAndStart(TestTenant tenant) {
        String ref = "TZ-" + UUID.randomUUID();
        Map<String, Object> body = Map.of(
                "debtor", Map.of("externalReference", "D-" + ref, "kind", "CONSUMER", "name", "Erika Mustermann",
                        "emails", List.of("erika@example.org")),
                "claim", Map.of("externalReference", ref, "invoiceNumber", "R-" + ref, "issueDate", "2026-02-01",
                        "dueDate", "2026-03-01", "principal", Map.of("amount", "150.00", "currency", "EUR"), "consumerNotice", true));
        String caseId = as(tenant.agentToken()).contentType(ContentType.JSON).body(body).post("/api/claims").then().statusCode(201)
                .extract().path("case.id");
        command(tenant, caseId, Map.of("type", "START_DUNNING")).statusCode(200);
        return caseId;
    }

    private static ValidatableResponse command(TestTenant tenant, String caseId, Map<String, Object> command) {
        return as(tenant.agentToken()).contentType(ContentType.JSON).body(command)
                .post("/api/cases/{id}/commands", caseId).then();
    }

    private static ValidatableResponse statement(TestTenant tenant, String caseId, String asOf) {
        return as(tenant.viewerToken()).get("/api/cases/{id}/statement?asOf=" + asOf, caseId).then();
    }

    private static ValidatableResponse search(TestTenant tenant, String query) {
        return as(tenant.viewerToken()).get("/api/cases/search?" + query).then().statusCode(200);
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}

package io.agiledunning.cases.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.settings.TenantCalendar;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.CasePaused;
import io.agiledunning.common.events.EventEnvelope;
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
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The case lifecycle over REST: commands, the timeline, the outbox events and the timeline's append-only table. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class CaseLifecycleIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** The tenant's today: these tenants never set a time zone (TenantCalendar's default). */
    private static final LocalDate TODAY = LocalDate.now(TenantCalendar.DEFAULT_ZONE);

    private static TestTenant acme;
    private static TestTenant globex;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @Inject
    Pool pool;

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("lc-acme");
        globex = TestTenants.create("lc-globex");
    }

    @Test
    void aCaseRunsThroughDunningPauseDisputePromiseAndWithdrawalWithEveryStepOnItsTimeline() {
        String id = open(acme, "LC-HAPPY");
        LocalDate until = TODAY.plusDays(30);
        LocalDate payBy = TODAY.plusDays(10);

        command(acme.agentToken(), id, "{\"type\":\"START_DUNNING\"}").statusCode(200).body("status", equalTo("IN_DUNNING"));
        command(acme.agentToken(), id, """
                {"type":"PAUSE","reason":"debtor in hospital","until":"%s"}""".formatted(until))
                .statusCode(200)
                .body("status", equalTo("PAUSED"))
                .body("pauseReason", equalTo("debtor in hospital"))
                .body("pausedUntil", equalTo(until.toString()));
        command(acme.adminToken(), id, "{\"type\":\"RESUME\",\"reason\":\"debtor is back\"}")
                .statusCode(200)
                .body("status", equalTo("IN_DUNNING"))
                .body("pauseReason", nullValue());
        command(acme.agentToken(), id, """
                {"type":"OPEN_DISPUTE","reason":"goods never arrived","evidenceNote":"email of 3 May"}""")
                .statusCode(200)
                .body("status", equalTo("DISPUTED"))
                .body("disputeReason", equalTo("goods never arrived"))
                .body("disputeEvidence", equalTo("email of 3 May"));
        command(acme.agentToken(), id, """
                {"type":"RESOLVE_DISPUTE","resolution":"REJECTED","note":"signed delivery note"}""")
                .statusCode(200)
                .body("status", equalTo("IN_DUNNING"))
                .body("disputeReason", nullValue());
        command(acme.agentToken(), id, """
                {"type":"MAKE_PROMISE","payBy":"%s","amount":{"amount":50.00,"currency":"EUR"}}""".formatted(payBy))
                .statusCode(200)
                .body("status", equalTo("PROMISED"))
                .body("promisePayBy", equalTo(payBy.toString()))
                .body("promiseAmount.amount", equalTo(50.0f));
        command(acme.agentToken(), id, "{\"type\":\"PROMISE_BROKEN\",\"reason\":\"nothing arrived\"}")
                .statusCode(200)
                .body("status", equalTo("IN_DUNNING"))
                .body("promisePayBy", nullValue());
        command(acme.adminToken(), id, "{\"type\":\"WITHDRAW\",\"reason\":\"sold the claim\"}")
                .statusCode(200)
                .body("status", equalTo("CLOSED"));

        as(acme.viewerToken()).get("/api/cases/{id}/timeline", id).then()
                .statusCode(200)
                .body("type", contains("CaseOpened", "CaseStatusChanged", "CasePaused", "CaseResumed", "DisputeOpened",
                        "DisputeResolved", "PromiseMade", "PromiseBroken", "CaseClosed"))
                .body("from", contains(null, "OPEN", "IN_DUNNING", "PAUSED", "IN_DUNNING", "DISPUTED", "IN_DUNNING",
                        "PROMISED", "IN_DUNNING"))
                .body("to", contains("OPEN", "IN_DUNNING", "PAUSED", "IN_DUNNING", "DISPUTED", "IN_DUNNING", "PROMISED",
                        "IN_DUNNING", "CLOSED"))
                .body("[2].reason", equalTo("paused until " + until + ": debtor in hospital"))
                .body("[2].data.until", equalTo(until.toString()))
                .body("[5].reason", equalTo("dispute rejected, dunning resumes: signed delivery note"))
                .body("[6].data.amount.currency", equalTo("EUR"))
                .body("[8].reason", equalTo("withdrawn by the tenant: sold the claim"));
        as(acme.agentToken()).get("/api/cases/{id}", id).then().body("status", equalTo("CLOSED"));

        // Another tenant sees nothing of it.
        as(globex.adminToken()).get("/api/cases/{id}/timeline", id).then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aRefusedCommandIsAConflictWithTheLifecyclesMessageAndChangesNothing() {
        String id = open(acme, "LC-REFUSED");
        command(acme.agentToken(), id, "{\"type\":\"RESUME\",\"reason\":\"why not\"}")
                .statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("message", equalTo("cannot resume a case that is OPEN: only a PAUSED case can be resumed"));
        command(acme.agentToken(), id, "{\"type\":\"WITHDRAW\",\"reason\":\"done\"}").statusCode(200);
        command(acme.agentToken(), id, "{\"type\":\"START_DUNNING\"}")
                .statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("message", equalTo("cannot start dunning on a case that is CLOSED: the case is closed"));

        as(acme.agentToken()).get("/api/cases/{id}", id).then().body("status", equalTo("CLOSED"));
        as(acme.agentToken()).get("/api/cases/{id}/timeline", id).then()
                .statusCode(200)
                .body("type", contains("CaseOpened", "CaseClosed"));
    }

    @Test
    void invalidCommandsAreValidationErrorsNamingTheField() {
        String id = open(acme, "LC-INVALID");
        command(acme.agentToken(), id, "{\"type\":\"PAUSE\",\"reason\":\"  \"}")
                .statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("message", equalTo("cannot pause a case that is OPEN: a reason is required"))
                .body("fields[0].field", equalTo("reason"))
                .body("fields[0].reason", equalTo("a reason is required"));
        command(acme.agentToken(), id, """
                {"type":"PAUSE","reason":"holiday","until":"%s"}""".formatted(TODAY))
                .statusCode(400)
                .body("fields[0].field", equalTo("until"))
                .body("message", equalTo("cannot pause a case that is OPEN: the pause must end after today (%s), got %s".formatted(TODAY, TODAY)));
        command(acme.agentToken(), id, "{\"type\":\"PAUSE\"}")
                .statusCode(400)
                .body("fields[0].field", equalTo("reason"))
                .body("fields[0].reason", equalTo("is required"));
        command(acme.agentToken(), id, """
                {"type":"MAKE_PROMISE","payBy":"%s","amount":{"amount":5.00,"currency":"USD"}}""".formatted(TODAY.plusDays(3)))
                .statusCode(400)
                .body("fields[0].field", equalTo("amount.currency"));
        command(acme.agentToken(), id, "{\"type\":\"FLY_TO_THE_MOON\"}")
                .statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields[0].field", equalTo("type"));
        command(acme.agentToken(), id, "{}")
                .statusCode(400)
                .body("fields[0].field", equalTo("type"));

        as(acme.agentToken()).get("/api/cases/{id}/timeline", id).then()
                .statusCode(200)
                .body("type", contains("CaseOpened"));
        as(acme.agentToken()).get("/api/cases/{id}", id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void anotherTenantCannotCommandOrReadTheCaseAndAViewerCannotCommand() {
        String id = open(acme, "LC-OTHERS");

        command(globex.adminToken(), id, "{\"type\":\"WITHDRAW\",\"reason\":\"mine now\"}")
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"))
                .body("message", equalTo("case " + id + " not found"));
        as(globex.viewerToken()).get("/api/cases/{id}/timeline", id).then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        command(acme.viewerToken(), id, "{\"type\":\"START_DUNNING\"}")
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON).body("{\"type\":\"START_DUNNING\"}")
                .post("/api/cases/{id}/commands", id).then()
                .statusCode(401);

        as(acme.viewerToken()).get("/api/cases/{id}", id).then().body("status", equalTo("OPEN"));
        as(acme.viewerToken()).get("/api/cases/{id}/timeline", id).then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].type", equalTo("CaseOpened"))
                .body("[0].actor", notNullValue());
    }

    @Test
    void lifecycleStepsArePublishedInOrderKeyedByTenantAndCase() throws Exception {
        String id = open(acme, "LC-EVENTS");
        LocalDate until = TODAY.plusDays(7);
        command(acme.agentToken(), id, "{\"type\":\"START_DUNNING\"}").statusCode(200);
        command(acme.agentToken(), id, """
                {"type":"PAUSE","reason":"holiday","until":"%s"}""".formatted(until)).statusCode(200);
        command(acme.agentToken(), id, "{\"type\":\"RESUME\",\"reason\":\"back\"}").statusCode(200);
        command(acme.agentToken(), id, "{\"type\":\"RESUME\",\"reason\":\"again\"}").statusCode(409); // refused: no event
        command(acme.agentToken(), id, "{\"type\":\"WITHDRAW\",\"reason\":\"paid elsewhere\"}").statusCode(200);

        relay.relayAll();

        List<EventEnvelope> events = PublishedEvents.valuesWithKey(Topics.CASES, acme.id() + ":" + id).stream()
                .map(this::read)
                .toList();
        assertEquals(List.of("CaseOpened", "CaseStatusChanged", "CasePaused", "CaseStatusChanged", "CaseResumed",
                        "CaseStatusChanged", "CaseClosed", "CaseStatusChanged"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(new CasePaused(UUID.fromString(id), "holiday", until), events.get(2).payloadAs(CasePaused.class, json));
        assertEquals("PAUSED", events.get(3).payload().get("to").asText());
        assertEquals("CLOSED", events.get(6).payload().get("to").asText());
        assertTrue(PublishedEvents.valuesWithKey(Topics.CASES, globex.id() + ":" + id).isEmpty());
    }

    @Test
    void theAppRoleCannotRewriteOrEraseTheTimeline() {
        String id = open(acme, "LC-APPEND-ONLY");

        var update = assertThrows(Exception.class, () -> inTenantTransaction(acme.id(),
                "update case_events set reason = 'rewritten' where case_id = $1", UUID.fromString(id)));
        assertTrue(update.getMessage().contains("permission denied"), update.getMessage());
        var delete = assertThrows(Exception.class, () -> inTenantTransaction(acme.id(),
                "delete from case_events where case_id = $1", UUID.fromString(id)));
        assertTrue(delete.getMessage().contains("permission denied"), delete.getMessage());

        as(acme.agentToken()).get("/api/cases/{id}/timeline", id).then()
                .body("[0].reason", equalTo("case opened"));
    }

    private void inTenantTransaction(UUID tenant, String sql, UUID caseId) {
        pool.withTransaction(connection -> connection.preparedQuery("select set_config('app.tenant_id', $1, true)")
                        .execute(Tuple.of(tenant.toString()))
                        .chain(() -> connection.preparedQuery(sql).execute(Tuple.of(caseId))))
                .await().atMost(TIMEOUT);
    }

    private EventEnvelope read(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }

    private static String open(TestTenant tenant, String reference) {
        return as(tenant.agentToken()).contentType(ContentType.JSON)
                .body("""
                        {"externalReference": "%s", "debtorName": "Erika", "amount": {"amount": 120.00, "currency": "EUR"}}"""
                        .formatted(reference + "-" + UUID.randomUUID()))
                .post("/api/cases")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static ValidatableResponse command(String token, String caseId, String body) {
        return as(token).contentType(ContentType.JSON).body(body)
                .post("/api/cases/{id}/commands", caseId)
                .then().log().ifValidationFails();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}

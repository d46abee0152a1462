package io.agiledunning.cases.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Placement;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.CaseClosed;
import io.agiledunning.common.events.ClaimUpdated;
import io.agiledunning.common.events.ClaimWithdrawn;
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
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.agiledunning.cases.Placement.money;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** updateClaim and withdrawClaim over REST: idempotent on the claim's reference, on the timeline and in the outbox, tenant-isolated. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class ClaimChangeIT {

    private static TestTenant acme;
    private static TestTenant globex;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("cc-acme");
        globex = TestTenants.create("cc-globex");
    }

    @Test
    void aChangedClaimIsAnUpdateNamingItsFieldsAndTheSameChangeAgainIsUnchanged() {
        String debtorRef = unique("D");
        String claimRef = unique("INV");
        String caseId = place(debtorRef, claimRef, "100.00").statusCode(201).extract().path("case.id");
        relay.relayAll();

        Map<String, Object> change = Map.of("externalReference", claimRef, "principal", money("120.00"), "dueDate", "2026-03-15");
        update(acme.agentToken(), change)
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("changedFields", contains("dueDate", "principal"))
                .body("claim.principal.amount", equalTo(120.0f))
                .body("claim.dueDate", equalTo("2026-03-15"))
                .body("claim.invoiceNumber", equalTo("R-" + claimRef)) // left out: kept
                .body("case.id", equalTo(caseId))
                .body("case.outstanding.amount", equalTo(120.0f));
        timeline(acme, caseId)
                .body("type", contains("CaseOpened", "ClaimUpdated"))
                .body("[1].reason", equalTo("claim " + claimRef + " updated: dueDate, principal"));

        update(acme.adminToken(), change).statusCode(200).body("outcome", equalTo("UNCHANGED")).body("changedFields", hasSize(0));
        // Placing the claim as it now reads is unchanged too: both paths compare the same data.
        place(debtorRef, claimRef, "120.00", Map.of("dueDate", "2026-03-15")).statusCode(200).body("outcome", equalTo("UNCHANGED"));
        update(acme.agentToken(), Map.of("externalReference", claimRef, "consumerNotice", false))
                .statusCode(200).body("changedFields", contains("consumerNotice"));
        timeline(acme, caseId).body("type", contains("CaseOpened", "ClaimUpdated", "ClaimUpdated"));

        relay.relayAll();
        List<EventEnvelope> events = events(acme, caseId);
        assertEquals(List.of("CaseOpened", "ClaimUpdated", "ClaimUpdated"), events.stream().map(EventEnvelope::type).toList());
        ClaimUpdated first = events.get(1).payloadAs(ClaimUpdated.class, json);
        assertEquals(List.of("dueDate", "principal"), first.changedFields());
        assertEquals(Money.of("120.00", "EUR"), first.caseOutstanding());

        // Another tenant: NOT_FOUND, exactly as a reference nobody placed, and nothing changed.
        String missing = unique("INV");
        update(globex.agentToken(), Map.of("externalReference", claimRef, "principal", money("1.00")))
                .statusCode(404).body("code", equalTo("NOT_FOUND")).body("message", equalTo("claim " + claimRef + " not found"));
        update(acme.agentToken(), Map.of("externalReference", missing, "principal", money("1.00")))
                .statusCode(404).body("message", equalTo("claim " + missing + " not found"));
        withdraw(globex.agentToken(), claimRef, "not ours").statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(acme.viewerToken()).get("/api/cases/{id}", caseId).then().statusCode(200)
                .body("outstanding.amount", equalTo(120.0f)).body("status", equalTo("OPEN"));
        assertEquals(List.of(), PublishedEvents.valuesWithKey(Topics.CASES, globex.id() + ":" + caseId));
    }

    @Test
    void anUpdateIsCheckedLikeAPlacementNamingEveryWrongField() {
        String claimRef = unique("INV");
        place(unique("D"), claimRef, "100.00").statusCode(201);
        update(acme.agentToken(), Map.of("externalReference", claimRef, "paid", money("150.00")))
                .statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields[0].field", equalTo("claim.paid"))
                .body("fields[0].reason", equalTo("must not exceed principal plus fees"));
        update(acme.agentToken(), Map.of("externalReference", claimRef, "dueDate", "2026-01-01", "invoiceNumber", " "))
                .statusCode(400)
                .body("fields.field", contains("claim.invoiceNumber", "claim.dueDate"))
                .body("message", equalTo("claim.invoiceNumber: is required; claim.dueDate: must not be before the issue date (2026-02-01)"));
        update(acme.agentToken(), Map.of("principal", money("1.00")))
                .statusCode(400).body("fields[0].field", equalTo("claim.externalReference"));
        withdraw(acme.agentToken(), claimRef, " ")
                .statusCode(400).body("fields[0].field", equalTo("reason")).body("fields[0].reason", equalTo("is required"));
        update(acme.viewerToken(), Map.of("externalReference", claimRef, "principal", money("1.00"))).statusCode(403);
        withdraw(acme.viewerToken(), claimRef, "no").statusCode(403);
    }

    @Test
    void withdrawingLeavesTheBalanceAndTheLastWithdrawalClosesTheCaseAsWithdrawn() {
        String debtorRef = unique("D");
        String first = unique("INV");
        String second = unique("INV");
        String caseId = place(debtorRef, first, "100.00").statusCode(201).extract().path("case.id");
        place(debtorRef, second, "30.00").statusCode(201).body("case.id", equalTo(caseId)).body("case.outstanding.amount", equalTo(130.0f));
        as(acme.agentToken()).contentType(ContentType.JSON).body(Map.of("type", "START_DUNNING"))
                .post("/api/cases/{id}/commands", caseId).then().statusCode(200);

        withdraw(acme.agentToken(), first, "credit note issued")
                .statusCode(200)
                .body("outcome", equalTo("WITHDRAWN"))
                .body("claim.withdrawalReason", equalTo("credit note issued"))
                .body("claim.withdrawnAt", notNullValue())
                .body("claim.open.amount", equalTo(0.0f))
                .body("case.status", equalTo("IN_DUNNING"))
                .body("case.outstanding.amount", equalTo(30.0f));
        withdraw(acme.adminToken(), first, "again").statusCode(200).body("outcome", equalTo("UNCHANGED"))
                .body("claim.withdrawalReason", equalTo("credit note issued"));
        timeline(acme, caseId).body("type", contains("CaseOpened", "ClaimAdded", "CaseStatusChanged", "ClaimWithdrawn"))
                .body("[3].reason", equalTo("claim " + first + " (100.00 EUR) withdrawn by the tenant: credit note issued"));
        as(acme.viewerToken()).get("/api/cases/{id}/claims", caseId).then().statusCode(200)
                .body("externalReference", contains(first, second))
                .body("withdrawnAt[1]", nullValue());
        // A withdrawn claim no longer changes; its statement leaves it out.
        update(acme.agentToken(), Map.of("externalReference", first, "principal", money("1.00")))
                .statusCode(409).body("code", equalTo("CONFLICT"))
                .body("message", org.hamcrest.Matchers.startsWith("claim '" + first + "' was withdrawn on "));
        place(debtorRef, first, "100.00").statusCode(200).body("outcome", equalTo("UNCHANGED"));

        withdraw(acme.agentToken(), second, "paid directly")
                .statusCode(200)
                .body("outcome", equalTo("WITHDRAWN"))
                .body("case.status", equalTo("CLOSED"))
                .body("case.closeReason", equalTo("WITHDRAWN"))
                .body("case.outstanding.amount", equalTo(0.0f));
        timeline(acme, caseId)
                .body("type", contains("CaseOpened", "ClaimAdded", "CaseStatusChanged", "ClaimWithdrawn", "ClaimWithdrawn", "CaseClosed"))
                .body("[5].from", equalTo("IN_DUNNING"))
                .body("[5].to", equalTo("CLOSED"))
                .body("[5].reason", equalTo("withdrawn by the tenant: its last claim " + second + " was withdrawn: paid directly"));
        withdraw(acme.agentToken(), second, "again").statusCode(200).body("outcome", equalTo("UNCHANGED"))
                .body("case.status", equalTo("CLOSED"));

        relay.relayAll();
        List<EventEnvelope> events = events(acme, caseId);
        assertEquals(List.of("CaseOpened", "ClaimAdded", "CaseStatusChanged", "ClaimWithdrawn", "ClaimWithdrawn", "CaseClosed",
                "CaseStatusChanged"), events.stream().map(EventEnvelope::type).toList());
        ClaimWithdrawn withdrawn = events.get(3).payloadAs(ClaimWithdrawn.class, json);
        assertEquals(Money.of("100.00", "EUR"), withdrawn.withdrawn());
        assertEquals(Money.of("30.00", "EUR"), withdrawn.caseOutstanding());
        assertEquals("CLOSED", events.get(5).payloadAs(CaseClosed.class, json).to());

        // The debtor's next claim opens a new case: the withdrawn one is finished.
        place(debtorRef, unique("INV"), "5.00").statusCode(201).body("case.id", org.hamcrest.Matchers.not(equalTo(caseId)));
        as(globex.viewerToken()).get("/api/cases/{id}/timeline", caseId).then().statusCode(404);
    }

    @Test
    void aClaimOfAHandedOverCaseCanNeitherChangeNorBeWithdrawn() {
        String claimRef = unique("INV");
        String caseId = place(unique("D"), claimRef, "100.00").statusCode(201).extract().path("case.id");
        as(acme.agentToken()).contentType(ContentType.JSON).body(Map.of("type", "START_DUNNING"))
                .post("/api/cases/{id}/commands", caseId).then().statusCode(200);
        as(acme.agentToken()).contentType(ContentType.JSON)
                .body(Map.of("type", "HAND_OVER", "recipient", "Inkasso Nord GmbH", "reason", "no reaction"))
                .post("/api/cases/{id}/commands", caseId).then().statusCode(200).body("status", equalTo("HANDED_OVER"));

        withdraw(acme.agentToken(), claimRef, "too late")
                .statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("message", equalTo("claim '%s' belongs to case %s, which is HANDED_OVER: it can no longer be withdrawn"
                        .formatted(claimRef, caseId)));
        update(acme.agentToken(), Map.of("externalReference", claimRef, "principal", money("90.00")))
                .statusCode(409)
                .body("message", equalTo("claim '%s' belongs to case %s, which is HANDED_OVER: it can no longer change"
                        .formatted(claimRef, caseId)));
        timeline(acme, caseId).body("$", hasSize(3));
        as(acme.viewerToken()).get("/api/cases/{id}", caseId).then().body("closeReason", equalTo("HANDED_OVER"))
                .body("outstanding.amount", equalTo(100.0f));
    }

    private static ValidatableResponse place(String debtorRef, String claimRef, String principal) {
        return place(debtorRef, claimRef, principal, Map.of());
    }

    private static ValidatableResponse place(String debtorRef, String claimRef, String principal, Map<String, Object> claimChanges) {
        return Placement.of(debtorRef, claimRef).withPrincipal(principal).withClaim(claimChanges).placeAs(acme.agentToken());
    }

    private static ValidatableResponse update(String token, Map<String, Object> claim) {
        return as(token).contentType(ContentType.JSON).body(Map.of("claim", claim)).post("/api/claims/updates")
                .then().log().ifValidationFails();
    }

    private static ValidatableResponse withdraw(String token, String claimRef, String reason) {
        return as(token).contentType(ContentType.JSON).body(Map.of("externalReference", claimRef, "reason", reason))
                .post("/api/claims/withdrawals").then().log().ifValidationFails();
    }

    private static ValidatableResponse timeline(TestTenant tenant, String caseId) {
        return as(tenant.viewerToken()).get("/api/cases/{id}/timeline", caseId).then().statusCode(200);
    }

    private List<EventEnvelope> events(TestTenant tenant, String caseId) {
        return PublishedEvents.valuesWithKey(Topics.CASES, tenant.id() + ":" + caseId).stream().map(value -> {
            try {
                return json.readValue(value, EventEnvelope.class);
            } catch (Exception e) {
                throw new AssertionError("not an envelope: " + value, e);
            }
        }).toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}

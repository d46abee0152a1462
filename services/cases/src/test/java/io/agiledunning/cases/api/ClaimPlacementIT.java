package io.agiledunning.cases.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Placement;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.ClaimUpdated;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.agiledunning.cases.Placement.money;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placing claims over REST: idempotent on external references, joining or opening cases, tenant-isolated. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class ClaimPlacementIT {

    private static TestTenant acme;
    private static TestTenant globex;

    @Inject
    OutboxRelay relay;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void tenants() {
        acme = TestTenants.create("cp-acme");
        globex = TestTenants.create("cp-globex");
    }

    @Test
    void anIdenticalReSendChangesNothingAndAChangedOneIsAnUpdateOnTheTimeline() {
        String debtorRef = unique("D");
        String claimRef = unique("INV");
        var created = place(acme.agentToken(), placement(debtorRef, claimRef, "100.00", p -> claim(p).put("fees", money("5.00"))))
                .statusCode(201)
                .body("outcome", equalTo("CREATED"))
                .body("case.status", equalTo("OPEN"))
                .body("case.outstanding.amount", equalTo(105.0f))
                .body("case.debtorName", equalTo("Erika Mustermann"))
                .body("claim.externalReference", equalTo(claimRef))
                .body("claim.open.amount", equalTo(105.0f))
                .extract();
        String caseId = created.path("case.id");
        String claimId = created.path("claim.id");
        String debtorId = created.path("claim.debtorId");
        assertEquals(debtorId, created.path("case.debtorId"));
        timeline(acme, caseId).body("type", contains("CaseOpened"));
        relay.relayAll();
        int eventsBefore = events(acme, caseId).size();
        assertEquals(List.of("CaseOpened"), events(acme, caseId).stream().map(EventEnvelope::type).toList());

        // The same claim again (fees as given, blank details normalized away): nothing happens.
        place(acme.adminToken(), placement(debtorRef, claimRef, "100.00", p -> claim(p).put("fees", money("5.00"))))
                .statusCode(200)
                .body("outcome", equalTo("UNCHANGED"))
                .body("case.id", equalTo(caseId))
                .body("claim.id", equalTo(claimId))
                .body("claim.debtorId", equalTo(debtorId))
                .body("case.outstanding.amount", equalTo(105.0f));
        timeline(acme, caseId).body("$", hasSize(1));
        relay.relayAll();
        assertEquals(eventsBefore, events(acme, caseId).size(), "an unchanged re-send must not publish anything");

        // A changed amount: an update, on the timeline and as an event, with the balance recomputed.
        place(acme.agentToken(), placement(debtorRef, claimRef, "150.00", p -> {
            claim(p).put("fees", money("5.00"));
            claim(p).put("paid", money("20.00"));
        }))
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("case.id", equalTo(caseId))
                .body("claim.id", equalTo(claimId))
                .body("claim.principal.amount", equalTo(150.0f))
                .body("claim.paid.amount", equalTo(20.0f))
                .body("case.outstanding.amount", equalTo(135.0f));
        timeline(acme, caseId)
                .body("type", contains("CaseOpened", "ClaimUpdated"))
                .body("[1].from", equalTo("OPEN"))
                .body("[1].to", equalTo("OPEN"));
        as(acme.viewerToken()).get("/api/cases/{id}", caseId).then().statusCode(200).body("outstanding.amount", equalTo(135.0f));
        relay.relayAll();
        List<EventEnvelope> events = events(acme, caseId);
        assertEquals(List.of("CaseOpened", "ClaimUpdated"), events.stream().map(EventEnvelope::type).toList());
        ClaimUpdated updated = events.get(1).payloadAs(ClaimUpdated.class, json);
        assertEquals(Money.of("150.00", "EUR"), updated.principal());
        assertEquals(Money.of("135.00", "EUR"), updated.caseOutstanding());
        assertEquals(claimRef, updated.claimReference());

        // Re-sending the update is unchanged again.
        place(acme.agentToken(), placement(debtorRef, claimRef, "150.00", p -> {
            claim(p).put("fees", money("5.00"));
            claim(p).put("paid", money("20.00"));
        })).statusCode(200).body("outcome", equalTo("UNCHANGED"));
        timeline(acme, caseId).body("$", hasSize(2));

        // Another tenant sees none of it.
        as(globex.adminToken()).get("/api/cases/{id}", caseId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(globex.adminToken()).get("/api/cases/{id}/claims", caseId).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        as(globex.adminToken()).get("/api/debtors/{id}", debtorId).then().statusCode(404)
                .body("message", equalTo("debtor " + debtorId + " not found"));
        assertEquals(List.of(), PublishedEvents.valuesWithKey(Topics.CASES, globex.id() + ":" + caseId));
    }

    @Test
    void aSecondClaimJoinsTheOpenCaseAndAfterWithdrawalANewClaimOpensANewCase() {
        String debtorRef = unique("D");
        String first = unique("INV");
        String second = unique("INV");
        String caseId = place(acme.agentToken(), placement(debtorRef, first, "100.00", p -> { }))
                .statusCode(201).extract().path("case.id");

        place(acme.agentToken(), placement(debtorRef, second, "40.50", p -> claim(p).put("fees", money("2.50"))))
                .statusCode(201)
                .body("outcome", equalTo("CREATED"))
                .body("case.id", equalTo(caseId))
                .body("case.status", equalTo("OPEN"))
                .body("case.outstanding.amount", equalTo(143.0f));
        timeline(acme, caseId)
                .body("type", contains("CaseOpened", "ClaimAdded"))
                .body("[1].reason", equalTo("claim %s (40.50 EUR) joined the case".formatted(second)));
        as(acme.viewerToken()).get("/api/cases/{id}/claims", caseId).then()
                .statusCode(200)
                .body("externalReference", contains(first, second))
                .body("open.amount", contains(100.0f, 43.0f));
        relay.relayAll();
        assertEquals(List.of("CaseOpened", "ClaimAdded"), events(acme, caseId).stream().map(EventEnvelope::type).toList());

        // A claim in another currency cannot join the EUR case.
        place(acme.agentToken(), placement(debtorRef, unique("INV"), "10.00", p -> claim(p).put("principal", Map.of("amount", 10, "currency", "USD"))))
                .statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields[0].field", equalTo("claim.principal.currency"))
                .body("fields[0].reason", equalTo("the debtor's case %s is kept in EUR, a claim in USD cannot join it".formatted(caseId)));

        as(acme.adminToken()).contentType(ContentType.JSON).body("{\"type\":\"WITHDRAW\",\"reason\":\"paid elsewhere\"}")
                .post("/api/cases/{id}/commands", caseId).then().statusCode(200).body("status", equalTo("CLOSED"));

        String third = unique("INV");
        var reopened = place(acme.agentToken(), placement(debtorRef, third, "60.00", p -> { }))
                .statusCode(201)
                .body("outcome", equalTo("CREATED"))
                .body("case.id", not(equalTo(caseId)))
                .body("case.status", equalTo("OPEN"))
                .body("case.outstanding.amount", equalTo(60.0f))
                .extract();
        String newCase = reopened.path("case.id");
        timeline(acme, newCase).body("type", contains("CaseOpened"));
        as(acme.agentToken()).get("/api/cases/{id}/claims", newCase).then().body("externalReference", contains(third));
        // The same debtor: found by its reference, not created again.
        assertEquals((String) reopened.path("claim.debtorId"),
                as(acme.agentToken()).get("/api/cases/{id}", caseId).then().extract().path("debtorId"));

        // A claim of the closed case can be re-sent unchanged, but no longer changed.
        place(acme.agentToken(), placement(debtorRef, first, "100.00", p -> { })).statusCode(200).body("outcome", equalTo("UNCHANGED"));
        place(acme.agentToken(), placement(debtorRef, first, "99.00", p -> { }))
                .statusCode(409)
                .body("code", equalTo("CONFLICT"));
    }

    @Test
    void aChangedDebtorIsUpdatedAndReadableByEveryTenantRoleOfItsTenantOnly() {
        String debtorRef = unique("D");
        String debtorId = place(acme.agentToken(), placement(debtorRef, unique("INV"), "10.00", p -> { }))
                .statusCode(201).extract().path("claim.debtorId");
        place(acme.agentToken(), placement(debtorRef, unique("INV"), "10.00", p -> {
            debtor(p).put("name", "Erika Musterfrau");
            debtor(p).put("phones", List.of("+49 30 123456"));
            debtor(p).put("vulnerable", true);
        })).statusCode(201);

        as(acme.viewerToken()).get("/api/debtors/{id}", debtorId).then()
                .statusCode(200)
                .body("externalReference", equalTo(debtorRef))
                .body("kind", equalTo("CONSUMER"))
                .body("name", equalTo("Erika Musterfrau"))
                .body("emails", contains("erika@example.org"))
                .body("phones", contains("+49 30 123456"))
                .body("address.country", equalTo("DE"))
                .body("vulnerable", equalTo(true))
                .body("deceased", equalTo(false));
        as(globex.viewerToken()).get("/api/debtors/{id}", debtorId).then().statusCode(404);
        as(acme.viewerToken()).get("/api/debtors/{id}", UUID.randomUUID()).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void anotherTenantPlacingTheSameReferencesGetsItsOwnDebtorClaimAndCase() {
        String debtorRef = unique("D");
        String claimRef = unique("INV");
        var mine = place(acme.agentToken(), placement(debtorRef, claimRef, "100.00", p -> { })).statusCode(201).extract();
        var theirs = place(globex.agentToken(), placement(debtorRef, claimRef, "100.00", p -> { }))
                .statusCode(201)
                .body("outcome", equalTo("CREATED"))
                .extract();
        assertNotEquals((String) mine.path("case.id"), theirs.path("case.id"));
        assertNotEquals((String) mine.path("claim.id"), theirs.path("claim.id"));
        assertNotEquals((String) mine.path("claim.debtorId"), theirs.path("claim.debtorId"));

        as(globex.agentToken()).get("/api/cases/{id}/claims", (String) theirs.path("case.id")).then()
                .statusCode(200).body("id", contains((String) theirs.path("claim.id")));
        as(globex.agentToken()).get("/api/cases/{id}/claims", (String) mine.path("case.id")).then().statusCode(404);
        as(globex.agentToken()).get("/api/debtors/{id}", (String) mine.path("claim.debtorId")).then().statusCode(404);
        as(acme.agentToken()).get("/api/cases/{id}", (String) theirs.path("case.id")).then().statusCode(404);
        as(acme.agentToken()).get("/api/debtors/{id}", (String) theirs.path("claim.debtorId")).then().statusCode(404);
        // Each tenant's re-send is unchanged in its own data.
        place(globex.agentToken(), placement(debtorRef, claimRef, "100.00", p -> { }))
                .statusCode(200).body("outcome", equalTo("UNCHANGED")).body("case.id", equalTo(theirs.path("case.id")));
    }

    @Test
    void invalidPlacementsAreRefusedNamingTheFieldAndTheReason() {
        String d = unique("D");
        invalid(placement(d, unique("INV"), "10.00", p -> claim(p).put("dueDate", "2026-01-01")),
                "claim.dueDate", "must not be before the issue date (2026-02-01)");
        invalid(placement(d, unique("INV"), "0.00", p -> { }), "claim.principal", "must be positive");
        invalid(placement(d, unique("INV"), "-5.00", p -> { }), "claim.principal", "must be positive");
        invalid(placement(d, unique("INV"), "1.005", p -> { }), "claim.principal", "EUR has at most 2 decimal places, got 1.005");
        invalid(placement(d, unique("INV"), "1.00", p -> claim(p).put("principal", Map.of("amount", 1, "currency", "EURO"))),
                "claim.principal.currency", "'EURO' is not a valid Currency");
        invalid(placement(d, unique("INV"), "1.00", p -> claim(p).put("fees", money("-1.00"))), "claim.fees", "must not be negative");
        invalid(placement(d, unique("INV"), "1.00", p -> claim(p).put("fees", Map.of("amount", 1, "currency", "USD"))),
                "claim.fees.currency", "must be the principal's currency EUR");
        invalid(placement(d, unique("INV"), "1.00", p -> claim(p).put("paid", money("1.01"))), "claim.paid", "must not exceed principal plus fees");
        invalid(placement(d, unique("INV"), "1.00", p -> debtor(p).put("kind", "PERSON")), "debtor.kind", "'PERSON' is not a valid DebtorKind");
        invalid(placement(d, unique("INV"), "1.00", p -> debtor(p).put("name", " ")), "debtor.name", "is required");
        invalid(placement(d, unique("INV"), "1.00", p -> claim(p).remove("invoiceNumber")), "claim.invoiceNumber", "is required");
        invalid(placement(d, unique("INV"), "1.00", p -> {
            debtor(p).put("emails", List.of());
            debtor(p).remove("address");
        }), "debtor", "needs at least one contact point (email, phone or postal address)");
        // An incomplete address is no contact point.
        invalid(placement(d, unique("INV"), "1.00", p -> {
            debtor(p).put("emails", List.of(" "));
            debtor(p).put("address", Map.of("city", "Berlin"));
        }), "debtor", "needs at least one contact point (email, phone or postal address)");
        place(acme.agentToken(), placement(d, unique("INV"), "1.00", p -> {
            debtor(p).put("emails", List.of(" "));
            debtor(p).put("phones", List.of());
        })).statusCode(201); // the full postal address is enough

        place(acme.agentToken(), placement(d, unique("INV"), "0.00", p -> debtor(p).remove("name")))
                .statusCode(400)
                .body("fields.field", contains("debtor.name", "claim.principal"))
                .body("fields.reason", contains("is required", "must be positive"));
        // Nothing of a refused placement was written: the debtor's only case holds the one valid claim.
        String caseId = place(acme.agentToken(), placement(d, unique("INV"), "2.00", p -> { })).statusCode(201).extract().path("case.id");
        as(acme.agentToken()).get("/api/cases/{id}/claims", caseId).then().body("$", hasSize(2));
    }

    @Test
    void concurrentPlacementsOfTheSameReferencesCreateOneDebtorClaimAndCase() {
        String debtorRef = unique("D");
        String claimRef = unique("INV");
        Map<String, Object> body = placement(debtorRef, claimRef, "70.00", p -> { });
        List<CompletableFuture<io.restassured.response.Response>> sends = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> as(acme.agentToken()).contentType(ContentType.JSON).body(body)
                        .post("/api/claims")))
                .toList();
        List<io.restassured.response.Response> answers = sends.stream().map(CompletableFuture::join).toList();

        answers.forEach(a -> assertTrue(a.statusCode() == 200 || a.statusCode() == 201, a::asString));
        assertEquals(1, answers.stream().filter(a -> "CREATED".equals(a.path("outcome"))).count());
        assertEquals(Set.of("CREATED", "UNCHANGED"), answers.stream().map(a -> a.<String>path("outcome")).collect(Collectors.toSet()));
        assertEquals(1, answers.stream().map(a -> a.<String>path("claim.id")).distinct().count());
        assertEquals(1, answers.stream().map(a -> a.<String>path("case.id")).distinct().count());
        timeline(acme, answers.getFirst().path("case.id")).body("type", contains("CaseOpened"));
    }

    @Test
    void onlyAdminsAndAgentsPlaceClaims() {
        place(acme.viewerToken(), placement(unique("D"), unique("INV"), "1.00", p -> { }))
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON).body(placement(unique("D"), unique("INV"), "1.00", p -> { }))
                .post("/api/claims").then().statusCode(401);
        place(TestTenants.platformAdminToken(), placement(unique("D"), unique("INV"), "1.00", p -> { })).statusCode(403);
        place(acme.adminToken(), placement(unique("D"), unique("INV"), "1.00", p -> { })).statusCode(201);
    }

    private void invalid(Map<String, Object> body, String field, String reason) {
        place(acme.agentToken(), body)
                .statusCode(400)
                .body("code", equalTo("VALIDATION"))
                .body("fields", hasSize(1))
                .body("fields[0].field", equalTo(field))
                .body("fields[0].reason", equalTo(reason))
                .body("message", equalTo(field + ": " + reason));
    }

    private static Map<String, Object> placement(String debtorRef, String claimRef, String principal,
                                                 Consumer<Map<String, Object>> change) {
        Map<String, Object> body = Placement.of(debtorRef, claimRef).withPrincipal(principal).withAddressInCologne().body();
        change.accept(body);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claim(Map<String, Object> placement) {
        return (Map<String, Object>) placement.get("claim");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> debtor(Map<String, Object> placement) {
        return (Map<String, Object>) placement.get("debtor");
    }

    private static ValidatableResponse place(String token, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).post("/api/claims").then().log().ifValidationFails();
    }

    private static ValidatableResponse timeline(TestTenant tenant, String caseId) {
        return as(tenant.viewerToken()).get("/api/cases/{id}/timeline", caseId).then().statusCode(200);
    }

    private List<EventEnvelope> events(TestTenant tenant, String caseId) {
        return PublishedEvents.valuesWithKey(Topics.CASES, tenant.id() + ":" + caseId).stream().map(this::read).toList();
    }

    private EventEnvelope read(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}

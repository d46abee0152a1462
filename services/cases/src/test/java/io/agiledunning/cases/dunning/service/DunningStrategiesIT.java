package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Placement;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.PostgresServer;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.agiledunning.cases.dunning.service.DunningSimulation.berlin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Versioned strategies and segments over REST: draft → publish (immutable) → archive, cases keep the version they
 * started with, and one tenant neither sees nor runs another tenant's strategies.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class DunningStrategiesIT {

    @Inject
    DunningEngine engine;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @AfterEach
    void systemTime() {
        SimulationClock.CLOCK.release();
    }

    static String strategy(String key, int firstLetterDays) {
        return """
                {"key": "%s", "name": "Fast", "currency": "EUR",
                 "steps": [
                   {"key": "nudge", "trigger": {"kind": "AFTER_START", "days": 0},
                    "channels": [{"channel": "SMS", "template": "nudge.sms"}, {"channel": "EMAIL", "template": "nudge"}],
                    "tone": "FRIENDLY", "fee": "0.00", "offers": ["PAY_NOW"]},
                   {"key": "letter", "trigger": {"kind": "AFTER_PREVIOUS", "days": %d},
                    "channels": [{"channel": "LETTER", "template": "letter"}], "tone": "FIRM", "fee": "1.00", "offers": []}
                 ],
                 "end": {"horizonDays": 30, "action": "HAND_OVER", "writeOffBelow": "10.00"}}""".formatted(key, firstLetterDays);
    }

    @Test
    void strategiesAreVersionedImmutableOncePublishedAndTenantIsolated() {
        TestTenant acme = TestTenants.create("strat-acme");
        TestTenant globex = TestTenants.create("strat-globex");
        DunningSimulation sim = new DunningSimulation(engine, pool, json);
        String key = "fast-" + UUID.randomUUID().toString().substring(0, 8);

        String draft = as(acme.adminToken()).body(strategy(key, 7)).post("/api/strategies").then().statusCode(201)
                .body("version", equalTo(1)).body("status", equalTo("DRAFT")).body("problems", hasSize(0))
                .extract().path("id");
        as(acme.adminToken()).body(strategy(key, 7).replace("\"fee\": \"0.00\"", "\"fee\": \"2.00\""))
                .put("/api/strategies/{id}", draft).then().statusCode(200).body("problems[0].field", equalTo("steps[0].fee"));
        as(acme.adminToken()).post("/api/strategies/{id}/publish", draft).then().statusCode(400)
                .body("fields[0].field", equalTo("steps[0].fee"))
                .body("fields[0].reason", startsWith("the reminder that puts the debtor in default cannot be charged"));
        as(acme.adminToken()).body(strategy(key, 7)).put("/api/strategies/{id}", draft).then().statusCode(200);
        as(acme.adminToken()).post("/api/strategies/{id}/publish", draft).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        as(acme.adminToken()).body(strategy(key, 9)).put("/api/strategies/{id}", draft).then().statusCode(409);
        as(acme.adminToken()).body(Map.of("priority", 1, "strategyKey", key)).put("/api/segments/{key}", "everyone").then().statusCode(200);

        // Row-level security and the trigger hold even for SQL that bypasses the service.
        var error = assertThrows(Exception.class, () -> pool.withTransaction(c -> c.preparedQuery("select set_config('app.tenant_id', $1, true)")
                .execute(Tuple.of(acme.id().toString()))
                .chain(() -> c.preparedQuery("update dunning_strategies set definition = '{}'::jsonb where id = $1")
                        .execute(Tuple.of(UUID.fromString(draft))))).await().atMost(Duration.ofSeconds(10)));
        assertTrue(error.getMessage().contains("cannot change"), error.getMessage());

        // Tenant B sees none of it: the same answer as for an id that does not exist.
        as(globex.viewerToken()).get("/api/strategies").then().statusCode(200).body("$", hasSize(0));
        as(globex.viewerToken()).get("/api/segments").then().statusCode(200).body("$", hasSize(0));
        String missing = as(globex.viewerToken()).get("/api/strategies/{id}", UUID.randomUUID()).then().statusCode(404).extract().path("code");
        as(globex.viewerToken()).get("/api/strategies/{id}", draft).then().statusCode(404).body("code", equalTo(missing));
        as(globex.adminToken()).post("/api/strategies/{id}/archive", draft).then().statusCode(404);

        // Monday 2025-06-02, 10:00: both tenants place a case; A's runs A's strategy, B's the built-in default.
        sim.at(berlin(2025, 6, 2, 10, 0));
        UUID acmeCase = sim.place(acme, "s-" + key, "BE", "120.00", "0.00");
        UUID globexCase = sim.place(globex, "s-" + key, "BE", "120.00", "0.00");
        sim.runUntil(berlin(2025, 6, 2, 10, 0));

        dunning(acme, acmeCase).body("strategyKey", equalTo(key)).body("strategyVersion", equalTo(1))
                .body("builtInStrategy", equalTo(false)).body("segmentKey", equalTo("everyone"))
                .body("next.step", contains("letter", null))
                .body("next[0].at", startsWith("2025-06-10T06:00")) // Whit Monday 9 June, then 08:00
                .body("next[1].command", equalTo("hand over"))
                .body("next[1].at", startsWith("2025-07-02T07:00"));
        dunning(globex, globexCase).body("strategyKey", equalTo("german-classic")).body("builtInStrategy", equalTo(true))
                .body("segmentKey", equalTo(null));
        org.junit.jupiter.api.Assertions.assertEquals("nudge", sim.sent(acme, acmeCase).getFirst().step());
        org.junit.jupiter.api.Assertions.assertEquals("SMS", sim.sent(acme, acmeCase).getFirst().channel());
        org.junit.jupiter.api.Assertions.assertEquals("friendly-reminder", sim.sent(globex, globexCase).getFirst().step());
        as(globex.viewerToken()).get("/api/cases/{id}/dunning", acmeCase).then().statusCode(404).body("code", equalTo(missing));

        // Version 2 is published: the running case keeps version 1, a new case gets version 2.
        String second = as(acme.adminToken()).body(strategy(key, 3)).post("/api/strategies").then().statusCode(201)
                .body("version", equalTo(2)).extract().path("id");
        // The draft previewed against the running case: its letter on day 3, not day 7; the case stays on version 1.
        as(acme.viewerToken()).get("/api/cases/{id}/dunning?strategyId=" + second, acmeCase).then().statusCode(200)
                .body("strategyKey", equalTo(key)).body("strategyVersion", equalTo(2))
                .body("next.step", contains("letter", null)).body("next[0].at", startsWith("2025-06-05T07:00"));
        dunning(acme, acmeCase).body("strategyVersion", equalTo(1)).body("next[0].at", startsWith("2025-06-10T06:00"));
        as(acme.viewerToken()).get("/api/cases/{id}/dunning?strategyId=" + UUID.randomUUID(), acmeCase).then().statusCode(404)
                .body("code", equalTo(missing));
        as(globex.viewerToken()).get("/api/cases/{id}/dunning?strategyId=" + second, acmeCase).then().statusCode(404);
        as(globex.viewerToken()).get("/api/cases/{id}/dunning?strategyId=" + second, globexCase).then().statusCode(404)
                .body("code", equalTo(missing));
        as(acme.adminToken()).post("/api/strategies/{id}/publish", second).then().statusCode(200);
        as(acme.adminToken()).post("/api/strategies/{id}/archive", draft).then().statusCode(200).body("status", equalTo("ARCHIVED"));
        UUID laterCase = sim.place(acme, "s2-" + key, "BE", "120.00", "0.00");
        sim.runUntil(berlin(2025, 6, 2, 10, 0));
        dunning(acme, acmeCase).body("strategyVersion", equalTo(1)).body("next[0].at", startsWith("2025-06-10T06:00"));
        dunning(acme, laterCase).body("strategyVersion", equalTo(2)).body("next[0].at", startsWith("2025-06-05T07:00"));
        as(acme.viewerToken()).get("/api/strategies").then().statusCode(200).body("status", contains("ARCHIVED", "PUBLISHED"))
                .body("key", hasItem(key));

        sim.runUntil(berlin(2025, 7, 3, 10, 0));
        org.junit.jupiter.api.Assertions.assertEquals("HANDED_OVER", sim.status(acme, acmeCase));
        org.junit.jupiter.api.Assertions.assertEquals("IN_DUNNING", sim.status(globex, globexCase));
    }

    @Test
    void segmentsMatchTheDebtorsOwnAttributes() throws SQLException {
        TestTenant acme = TestTenants.create("attr-acme");
        TestTenant globex = TestTenants.create("attr-globex");
        DunningSimulation sim = new DunningSimulation(engine, pool, json);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = "tel-" + run;
        String draft = as(acme.adminToken()).body(strategy(key, 7)).post("/api/strategies").then().statusCode(201).extract().path("id");
        as(acme.adminToken()).post("/api/strategies/{id}/publish", draft).then().statusCode(200);
        as(acme.adminToken()).body(Map.of("priority", 1, "strategyKey", key,
                        "rule", Map.of("attributes", Map.of("industry", "telecom"))))
                .put("/api/segments/{key}", "telecom").then().log().ifValidationFails().statusCode(200);

        // Bad attributes are refused, each named, and nothing is placed.
        Placement.of("bad-" + run, "INV-bad-" + run).withDebtor(Map.of("attributes", Map.of("Industry Name", "x", "persona", "y")))
                .placeAs(acme.agentToken()).statusCode(400)
                .body("fields.field", org.hamcrest.Matchers.containsInAnyOrder("debtor.attributes.Industry Name", "debtor.attributes.persona"))
                .body("fields.find { it.field == 'debtor.attributes.persona' }.reason", equalTo("is assigned by the platform, not placed"));

        // Monday 2025-06-02, 10:00: a telecom debtor, one without attributes, and Globex's telecom debtor.
        sim.at(berlin(2025, 6, 2, 10, 0));
        UUID telecom = sim.place(acme, "tel-" + run, Map.of("industry", " telecom ", "product", "mobile"));
        UUID plain = sim.place(acme, "plain-" + run, (Map<String, String>) null);
        UUID globexTelecom = sim.place(globex, "tel-" + run, Map.of("industry", "telecom"));
        sim.runUntil(berlin(2025, 6, 2, 10, 0));

        dunning(acme, telecom).body("segmentKey", equalTo("telecom")).body("strategyKey", equalTo(key));
        dunning(acme, plain).body("segmentKey", equalTo(null)).body("strategyKey", equalTo("german-classic"));
        dunning(globex, globexTelecom).body("segmentKey", equalTo(null)).body("builtInStrategy", equalTo(true));

        // A re-placement without attributes keeps them; the debtor shows them; the other tenant sees nothing.
        sim.place(acme, "tel-" + run, (Map<String, String>) null);
        String debtorId = as(acme.viewerToken()).get("/api/cases/{id}", telecom).then().statusCode(200).extract().path("debtorId");
        as(acme.viewerToken()).get("/api/debtors/{id}", debtorId).then().statusCode(200)
                .body("attributes.industry", equalTo("telecom")).body("attributes.product", equalTo("mobile"));
        as(globex.viewerToken()).get("/api/debtors/{id}", debtorId).then().statusCode(404);

        // Set on their own (PUT /api/debtors/{id}/attributes): a debtor whose case has not started joins the segment.
        UUID late = sim.place(acme, "late-" + run, (Map<String, String>) null);
        String lateDebtor = as(acme.viewerToken()).get("/api/cases/{id}", late).then().extract().path("debtorId");
        DunningSimulation.setAttributes(acme.viewerToken(), lateDebtor, Map.of("industry", "telecom")).statusCode(403);
        DunningSimulation.setAttributes(globex.agentToken(), lateDebtor, Map.of("industry", "telecom")).statusCode(404);
        DunningSimulation.setAttributes(acme.agentToken(), lateDebtor, Map.of("Industry", "x", "persona", "y")).statusCode(400)
                .body("fields.field", org.hamcrest.Matchers.containsInAnyOrder("attributes.Industry", "attributes.persona"));
        DunningSimulation.setAttributes(acme.agentToken(), lateDebtor, Map.of("industry", " telecom ", "tier", " ")).statusCode(200)
                .body("attributes", equalTo(Map.of("industry", "telecom")));
        DunningSimulation.setAttributes(acme.agentToken(), lateDebtor, Map.of("industry", "telecom")).statusCode(200); // the same again: nothing
        sim.runUntil(berlin(2025, 6, 2, 10, 0));
        dunning(acme, late).body("segmentKey", equalTo("telecom")).body("strategyKey", equalTo(key));
        List<String> changes = sim.timeline(acme, late).stream().filter(e -> "DebtorAttributesChanged".equals(e.get("type")))
                .map(e -> String.valueOf(e.get("reason"))).toList();
        assertEquals(List.of("the debtor's attributes were set to industry=telecom"), changes, "one entry, not two");
        assertEquals(List.of("DebtorAttributesChanged"), sim.debtorEvents(acme, lateDebtor));
        assertEquals(List.of(), sim.debtorEvents(globex, lateDebtor));

        // A rule on the persona matches the persona reporting assigned (written here as it would), not a placed attribute.
        as(acme.adminToken()).body(Map.of("priority", 2, "strategyKey", key, "rule", Map.of("attributes", Map.of("persona", "saver"))))
                .put("/api/segments/{key}", "savers").then().log().ifValidationFails().statusCode(200);
        UUID saver = sim.place(acme, "saver-" + run, (Map<String, String>) null);
        UUID globexSaver = sim.place(globex, "saver-" + run, (Map<String, String>) null);
        try (Connection db = PostgresServer.start().superuserConnection("cases");
             PreparedStatement persona = db.prepareStatement(
                     "update debtors set persona = 'saver' where id in (select debtor_id from cases where id in (?, ?))")) {
            persona.setObject(1, saver);
            persona.setObject(2, globexSaver);
            assertEquals(2, persona.executeUpdate());
        }
        sim.runUntil(berlin(2025, 6, 2, 10, 0));
        dunning(acme, saver).body("segmentKey", equalTo("savers")).body("strategyKey", equalTo(key));
        dunning(globex, globexSaver).body("segmentKey", equalTo(null)).body("builtInStrategy", equalTo(true));
    }

    private static ValidatableResponse dunning(TestTenant tenant, UUID caseId) {
        return as(tenant.viewerToken()).get("/api/cases/{id}/dunning", caseId).then().log().ifValidationFails().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}

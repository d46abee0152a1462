package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.data.outbox.OutboxRelay;
import io.agiledunning.common.events.ContactPolicyChanged;
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
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.agiledunning.cases.dunning.service.DunningSimulation.berlin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A tenant narrows its contact policy: the engine contacts its debtors only within the tenant's hours, while another
 * tenant keeps the German default; a policy wider than the default is refused field by field.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class ContactPolicyIT {

    @Inject
    DunningEngine engine;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    OutboxRelay relay;

    @AfterEach
    void systemTime() {
        SimulationClock.CLOCK.release();
    }

    @Test
    void theEngineKeepsToTheTenantsNarrowerHoursAndOnlyThere() throws Exception {
        TestTenant strict = TestTenants.create("cp-strict");
        TestTenant usual = TestTenants.create("cp-usual");
        as(strict.viewerToken()).get("/api/contact-policy").then().statusCode(200)
                .body("earliest", equalTo("08:00")).body("latest", equalTo("20:00")).body("maxContacts", equalTo(3))
                .body("version", equalTo(0)).body("changedBy", nullValue());

        // Wider than the default, or missing: every field named; nothing stored.
        as(strict.adminToken()).contentType(ContentType.JSON).body(Map.of("earliest", "07:00", "latest", "21:00", "maxContacts", 5))
                .put("/api/contact-policy").then().statusCode(400).body("code", equalTo("VALIDATION"))
                .body("fields.field", containsInAnyOrder("earliest", "latest", "maxContacts"));
        as(strict.adminToken()).contentType(ContentType.JSON).body(Map.of("earliest", "9 Uhr", "latest", "18:00", "maxContacts", 2))
                .put("/api/contact-policy").then().statusCode(400).body("fields[0].field", equalTo("earliest"));
        as(strict.agentToken()).contentType(ContentType.JSON).body(Map.of("earliest", "10:00", "latest", "14:00", "maxContacts", 2))
                .put("/api/contact-policy").then().statusCode(403);

        as(strict.adminToken()).contentType(ContentType.JSON).body(Map.of("earliest", "16:00", "latest", "18:00", "maxContacts", 2))
                .put("/api/contact-policy").then().statusCode(200)
                .body("earliest", equalTo("16:00")).body("latest", equalTo("18:00")).body("version", equalTo(1));
        // The same policy again: no new version, and no second event (counted below).
        as(strict.adminToken()).contentType(ContentType.JSON).body(Map.of("earliest", "16:00", "latest", "18:00", "maxContacts", 2))
                .put("/api/contact-policy").then().statusCode(200).body("version", equalTo(1));
        as(usual.viewerToken()).get("/api/contact-policy").then().statusCode(200)
                .body("earliest", equalTo("08:00")).body("version", equalTo(0));

        // Monday 2026-01-05, 10:00: both place a case; the default contacts at once, the strict tenant from 16:00.
        String run = UUID.randomUUID().toString().substring(0, 8);
        DunningSimulation sim = new DunningSimulation(engine, pool, json);
        sim.at(berlin(2026, 1, 5, 10, 0));
        UUID strictCase = sim.place(strict, "cp-s-" + run, "BE", "120.00", "0.00");
        UUID usualCase = sim.place(usual, "cp-u-" + run, "BE", "120.00", "0.00");
        // Two debtors contacted twice in the last days: the strict tenant's cap of 2 holds its case, the default 3 not.
        UUID strictCapped = sim.place(strict, "cp-sc-" + run, "BE", "120.00", "0.00");
        UUID usualCapped = sim.place(usual, "cp-uc-" + run, "BE", "120.00", "0.00");
        for (UUID capped : List.of(strictCapped, usualCapped)) {
            DunningSimulation.recordContact(capped, berlin(2026, 1, 4, 10, 0));
            DunningSimulation.recordContact(capped, berlin(2026, 1, 3, 10, 0));
        }
        sim.runUntil(berlin(2026, 1, 5, 19, 0));
        assertEquals(List.of(), sim.sent(strict, strictCapped), "the strict tenant's cap of 2 in 7 days is reached");
        assertTrue(sim.timeline(strict, strictCapped).stream().anyMatch(e -> "ContactBlocked".equals(e.get("type"))
                && String.valueOf(e.get("reason")).contains("frequency cap: 2 contacts in the last 7 days (at most 2)")));
        assertEquals(1, sim.sent(usual, usualCapped).size(), "the default cap of 3 lets a third contact through");
        assertEquals(LocalDateTime.of(2026, 1, 5, 10, 0), sim.sent(usual, usualCase).getFirst().at());
        assertEquals(LocalDateTime.of(2026, 1, 5, 16, 0), sim.sent(strict, strictCase).getFirst().at(),
                "the friendly reminder waits for the tenant's 16:00");
        as(strict.viewerToken()).get("/api/cases/{id}/dunning", strictCase).then().statusCode(200)
                .body("next[0].at", org.hamcrest.Matchers.containsString("T15:00")); // the next step at 16:00 Berlin (UTC+1)

        relay.relayAll();
        List<EventEnvelope> events = PublishedEvents.valuesWithKey(Topics.CASES, strict.id() + ":" + strict.id()).stream()
                .map(this::envelope).filter(e -> e.type().equals("ContactPolicyChanged")).toList();
        assertEquals(1, events.size());
        assertEquals(new ContactPolicyChanged(1, "16:00", "18:00", 2, subject(strict.adminToken())),
                events.getFirst().payloadAs(ContactPolicyChanged.class, json));
    }

    private String subject(String token) throws Exception {
        return json.readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sub").asText();
    }

    private EventEnvelope envelope(String value) {
        try {
            return json.readValue(value, EventEnvelope.class);
        } catch (Exception e) {
            throw new AssertionError("not an envelope: " + value, e);
        }
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }
}

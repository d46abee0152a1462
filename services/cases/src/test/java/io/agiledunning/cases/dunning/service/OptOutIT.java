package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.agiledunning.cases.dunning.service.DunningSimulation.berlin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A debtor's opt-out recorded through the API is what the engine's guardrails honour: the step falls back to its
 * next channel (e-mail → SMS), the timeline says why, and another tenant can neither set nor see it.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class OptOutIT {

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

    @Test
    void anEmailOptOutSetThroughTheApiMakesTheEngineUseTheNextChannel() {
        TestTenant acme = TestTenants.create("optout-acme");
        TestTenant globex = TestTenants.create("optout-globex");
        String run = UUID.randomUUID().toString().substring(0, 8);
        DunningSimulation sim = new DunningSimulation(engine, pool, json);
        sim.at(berlin(2026, 1, 5, 10, 0)); // a Monday, inside contact hours
        UUID optedOut = sim.place(acme, "no-mail-" + run, "BE", "120.00", "0.00");
        UUID plain = sim.place(acme, "mail-" + run, "BE", "120.00", "0.00");
        String debtorId = given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}", optedOut).then()
                .statusCode(200).extract().path("debtorId");

        optOuts(acme.viewerToken(), debtorId, List.of("EMAIL")).statusCode(403);
        optOuts(acme.agentToken(), debtorId, List.of("FAX")).statusCode(400)
                .body("fields[0].field", equalTo("channels"))
                .body("fields[0].reason", containsString("got 'FAX'"));
        optOuts(globex.agentToken(), debtorId, List.of("EMAIL")).statusCode(404);
        optOuts(acme.agentToken(), debtorId, List.of("EMAIL")).statusCode(200)
                .body("optedOutChannels", contains("EMAIL"));
        given().auth().oauth2(acme.viewerToken()).get("/api/debtors/{id}", debtorId).then().statusCode(200)
                .body("optedOutChannels", contains("EMAIL"));
        given().auth().oauth2(globex.viewerToken()).get("/api/debtors/{id}", debtorId).then().statusCode(404);

        sim.runUntil(berlin(2026, 1, 5, 12, 0));
        List<DunningSimulation.Sent> toOptedOut = sim.sent(acme, optedOut);
        List<DunningSimulation.Sent> toPlain = sim.sent(acme, plain);
        assertEquals(1, toOptedOut.size(), toOptedOut.toString());
        assertEquals("friendly-reminder", toOptedOut.getFirst().step());
        assertEquals("SMS", toOptedOut.getFirst().channel(), "e-mail opted out: the step's next channel");
        assertEquals("EMAIL", toPlain.getFirst().channel(), "the other debtor keeps the first channel");
        List<Map<String, Object>> timeline = sim.timeline(acme, optedOut);
        assertTrue(timeline.stream().anyMatch(e -> "DebtorOptOutsChanged".equals(e.get("type"))
                && "the debtor opted out of EMAIL (phoned in)".equals(e.get("reason"))), timeline.toString());

        // Lifting the opt-out: nothing left opted out.
        optOuts(acme.agentToken(), debtorId, List.of()).statusCode(200).body("optedOutChannels", hasSize(0));
    }

    private static ValidatableResponse optOuts(String token, String debtorId, List<String> channels) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("channels", channels, "reason", "phoned in"))
                .put("/api/debtors/{id}/opt-outs", debtorId).then().log().ifValidationFails();
    }
}

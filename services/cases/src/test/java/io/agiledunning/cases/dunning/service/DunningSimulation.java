package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Placement;
import io.agiledunning.testsupport.TestTenant;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.agiledunning.cases.Placement.money;
import static io.restassured.RestAssured.given;

/** Drives cases through simulated time: places claims and sends commands over REST, runs the engine, reads the outbox. */
final class DunningSimulation {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final DunningEngine engine;
    private final Pool pool;
    private final ObjectMapper json;
    private final List<UUID> cases = new ArrayList<>();

    DunningSimulation(DunningEngine engine, Pool pool, ObjectMapper json) {
        this.engine = engine;
        this.pool = pool;
        this.json = json;
    }

    static Instant berlin(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(BERLIN).toInstant();
    }

    void at(Instant instant) {
        SimulationClock.CLOCK.set(instant);
    }

    /** Runs the engine at every instant one of this simulation's cases is due, up to and including {@code end}. */
    int runUntil(Instant end) {
        int runs = 0;
        while (true) {
            Instant next = nextDue();
            if (next == null || next.isAfter(end)) {
                at(end);
                engine.runOnce("simulation");
                return runs;
            }
            Instant now = SimulationClock.CLOCK.instant();
            at(next.isAfter(now) ? next : now);
            engine.runOnce("simulation");
            if (++runs > 10_000) {
                throw new AssertionError("the simulation does not come to rest");
            }
        }
    }

    private Instant nextDue() {
        if (cases.isEmpty()) {
            return null;
        }
        Row row = pool.preparedQuery("select min(due_at) as next from dunning_due where case_id = any($1)")
                .execute(Tuple.of(cases.toArray(UUID[]::new))).await().atMost(TIMEOUT).iterator().next();
        OffsetDateTime next = row.getOffsetDateTime("next");
        return next == null ? null : next.toInstant();
    }

    UUID place(TestTenant tenant, String debtorRef, String germanState, String principal, String paid) {
        String caseId = given().auth().oauth2(tenant.agentToken()).contentType(ContentType.JSON)
                .body(placement(debtorRef, germanState, principal, paid))
                .post("/api/claims").then().log().ifValidationFails().statusCode(org.hamcrest.Matchers.either(
                        org.hamcrest.Matchers.is(201)).or(org.hamcrest.Matchers.is(200)))
                .extract().path("case.id");
        UUID id = UUID.fromString(caseId);
        if (!cases.contains(id)) {
            cases.add(id);
        }
        return id;
    }

    void command(TestTenant tenant, UUID caseId, Map<String, Object> body) {
        given().auth().oauth2(tenant.agentToken()).contentType(ContentType.JSON).body(body)
                .post("/api/cases/{id}/commands", caseId).then().log().ifValidationFails().statusCode(200);
    }

    String status(TestTenant tenant, UUID caseId) {
        return given().auth().oauth2(tenant.viewerToken()).get("/api/cases/{id}", caseId).then().statusCode(200).extract().path("status");
    }

    List<Map<String, Object>> timeline(TestTenant tenant, UUID caseId) {
        return given().auth().oauth2(tenant.viewerToken()).get("/api/cases/{id}/timeline", caseId).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** The ContactRequested commands of a case in the outbox, in order. */
    List<Sent> sent(TestTenant tenant, UUID caseId) {
        List<Sent> sent = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                        select envelope::text as envelope from outbox
                        where topic = 'cases.commands.v1' and message_key = $1 order by created_at""")
                .execute(Tuple.of(tenant.id() + ":" + caseId)).await().atMost(TIMEOUT)) {
            try {
                JsonNode envelope = json.readTree(row.getString("envelope"));
                JsonNode payload = envelope.get("payload");
                sent.add(new Sent(payload.get("stepKey").asText(), payload.get("channel").asText(),
                        Instant.parse(envelope.get("occurredAt").asText()).atZone(BERLIN).toLocalDateTime(),
                        payload.get("idempotencyKey").asText(), envelope.get("tenantId").asText()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return sent;
    }

    record Sent(String step, String channel, LocalDateTime at, String key, String tenantId) {
    }

    private static Map<String, Object> placement(String debtorRef, String germanState, String principal, String paid) {
        return Placement.of(debtorRef, "INV-" + debtorRef)
                .withDebtor(Map.of("phones", List.of("+49 30 123456"),
                        "address", Map.of("street", "Heidestraße 17", "postalCode", "10557", "city", "Berlin", "country", "DE"),
                        "timeZone", "Europe/Berlin", "germanState", germanState))
                .withClaim(Map.of("invoiceNumber", "R-" + debtorRef, "issueDate", "2025-11-01", "dueDate", "2025-12-01",
                        "paid", money(paid)))
                .withPrincipal(principal)
                .body();
    }

    static Instant utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }
}

package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.cases.Placement;
import io.agiledunning.testsupport.PostgresServer;
import io.agiledunning.testsupport.TestTenant;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
        return placed(tenant, placement(debtorRef, "INV-" + debtorRef, "R-" + debtorRef, germanState, principal, paid));
    }

    /** Places a claim ({@code claimRef}) of the debtor {@code debtorRef}; a second claim joins the debtor's open case. */
    UUID place(TestTenant tenant, String debtorRef, String claimRef, String germanState, String principal, String paid) {
        return placed(tenant, placement(debtorRef, claimRef, "R-" + claimRef, germanState, principal, paid));
    }

    /** Places a claim of a Berlin debtor carrying the tenant's own {@code attributes} (null: none given). */
    /** Places a claim of a Berlin debtor issued and due on other days than the others' (2025-11-01, 2025-12-01). */
    UUID placeIssuedOn(TestTenant tenant, String debtorRef, String claimRef, String issueDate, String dueDate) {
        return placed(tenant, placement(debtorRef, claimRef, "R-" + claimRef, "BE", "80.00", "0.00")
                .withClaim(Map.of("issueDate", issueDate, "dueDate", dueDate)));
    }

    UUID place(TestTenant tenant, String debtorRef, Map<String, String> attributes) {
        Placement placement = placement(debtorRef, "INV-" + debtorRef, "R-" + debtorRef, "BE", "120.00", "0.00");
        return placed(tenant, attributes == null ? placement : placement.withDebtor(Map.of("attributes", attributes)));
    }

    private UUID placed(TestTenant tenant, Placement placement) {
        String caseId = given().auth().oauth2(tenant.agentToken()).contentType(ContentType.JSON)
                .body(placement.body())
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

    /** {@code PUT /api/debtors/{id}/attributes} as the holder of {@code token}. */
    static ValidatableResponse setAttributes(String token, String debtorId, Map<String, String> attributes) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("attributes", attributes))
                .put("/api/debtors/{id}/attributes", debtorId).then().log().ifValidationFails();
    }

    /**
     * A contact with the case's debtor recorded at {@code at} without the engine (no command in the outbox, so
     * {@link #sent} does not list it): for what counts contacts — the frequency cap, retention of letters.
     */
    static void recordContact(UUID caseId, Instant at) throws SQLException {
        try (Connection db = PostgresServer.start().superuserConnection("cases");
             PreparedStatement contact = db.prepareStatement("""
                     insert into dunning_contacts (id, tenant_id, case_id, debtor_id, idempotency_key, step_key, sequence, channel,
                                                   template, requested_at)
                     select gen_random_uuid(), tenant_id, id, debtor_id, 'recorded:' || gen_random_uuid(), 'recorded', 1, 'LETTER',
                            'recorded', ?
                     from cases where id = ?""")) {
            contact.setObject(1, at.atOffset(ZoneOffset.UTC));
            contact.setObject(2, caseId);
            if (contact.executeUpdate() != 1) {
                throw new IllegalStateException("no case " + caseId);
            }
        }
    }

    String debtorOf(TestTenant tenant, UUID caseId) {
        return given().auth().oauth2(tenant.viewerToken()).get("/api/cases/{id}", caseId).then().statusCode(200)
                .extract().path("debtorId");
    }

    /** The types of a debtor's events in the outbox (keyed by tenant and debtor), in order. */
    List<String> debtorEvents(TestTenant tenant, String debtorId) {
        List<String> types = new ArrayList<>();
        for (Row row : pool.preparedQuery("select envelope ->> 'type' as type from outbox where message_key = $1 order by created_at")
                .execute(Tuple.of(tenant.id() + ":" + debtorId)).await().atMost(TIMEOUT)) {
            types.add(row.getString("type"));
        }
        return types;
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
                        payload.get("idempotencyKey").asText(), envelope.get("tenantId").asText(),
                        payload.get("fee").get("amount").decimalValue().setScale(2).toPlainString()));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return sent;
    }

    /** @param fee the fee the contact names, e.g. {@code "1.50"} */
    record Sent(String step, String channel, LocalDateTime at, String key, String tenantId, String fee) {
    }

    private static Placement placement(String debtorRef, String claimRef, String invoiceNumber, String germanState,
                                       String principal, String paid) {
        return Placement.of(debtorRef, claimRef)
                .withDebtor(Map.of("phones", List.of("+49 30 123456"),
                        "address", Map.of("street", "Heidestraße 17", "postalCode", "10557", "city", "Berlin", "country", "DE"),
                        "timeZone", "Europe/Berlin", "germanState", germanState))
                .withClaim(Map.of("invoiceNumber", invoiceNumber, "issueDate", "2025-11-01", "dueDate", "2025-12-01",
                        "paid", money(paid)))
                .withPrincipal(principal);
    }

    static Instant utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
    }
}

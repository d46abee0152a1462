package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agiledunning.cases.service.DebtorRecordsDeletion;
import io.agiledunning.cases.service.PaymentAllocationService;
import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.events.DebtorRecordsDeleted;
import io.agiledunning.common.events.PaymentRecorded;
import io.agiledunning.common.money.Money;
import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.agiledunning.cases.dunning.service.DunningSimulation.berlin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end of an erased debtor's retention: its kept records are deleted the day after {@code retainedUntil}, not
 * before, exactly once, and only its own — another tenant's erased debtor kept longer and a debtor of the same tenant
 * that was never erased keep everything.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class DebtorRecordsDeletionIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    DunningEngine engine;

    @Inject
    DebtorRecordsDeletion deletion;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    TenantTransactions transactions;

    @Inject
    PaymentAllocationService allocations;

    @AfterEach
    void systemTime() {
        SimulationClock.CLOCK.release();
    }

    @Test
    void anErasedDebtorsRecordsAreDeletedOnceTheirRetentionHasEnded() throws Throwable {
        TestTenant acme = TestTenants.create("retention-acme");
        TestTenant globex = TestTenants.create("retention-globex");
        String run = UUID.randomUUID().toString().substring(0, 8);
        DunningSimulation sim = new DunningSimulation(engine, pool, json);
        sim.at(berlin(2026, 1, 5, 10, 0));
        UUID erasedCase = sim.place(acme, "ret-e-" + run, "BE", "120.00", "0.00");
        UUID keptCase = sim.place(acme, "ret-k-" + run, "BE", "80.00", "0.00");
        sim.runUntil(berlin(2026, 1, 5, 12, 0)); // a contact and a schedule for each
        VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(new TenantId(acme.id()), session -> allocations.allocate(session,
                new TenantId(acme.id()), new PaymentRecorded(UUID.randomUUID(), erasedCase, Money.of("20.00", "EUR"), "transfer",
                        LocalDate.parse("2026-01-05")), "test")));
        sim.command(acme, erasedCase, Map.of("type", "HAND_OVER", "recipient", "Inkasso Nord GmbH", "reason", "no reaction"));
        String erased = sim.debtorOf(acme, erasedCase);
        String kept = sim.debtorOf(acme, keptCase);
        erasure(acme, erased).body("retainedUntil", equalTo("2034-12-31"));

        DunningSimulation globexSim = new DunningSimulation(engine, pool, json);
        globexSim.at(berlin(2027, 1, 5, 10, 0)); // globex's claim changes in 2027: its vouchers are kept a year longer
        UUID globexCase = globexSim.place(globex, "ret-g-" + run, "BE", "50.00", "0.00");
        globexSim.runUntil(berlin(2027, 1, 5, 12, 0));
        sim.command(globex, globexCase, Map.of("type", "HAND_OVER", "recipient", "Inkasso Süd GmbH", "reason", "no reaction"));
        String globexDebtor = sim.debtorOf(globex, globexCase);
        erasure(globex, globexDebtor).body("retainedUntil", equalTo("2035-12-31"));

        // The last day of retention: nothing goes.
        sim.at(berlin(2034, 12, 31, 12, 0));
        assertEquals(List.of(), deleteDue(LocalDate.parse("2034-12-31"), erased, globexDebtor));
        export(acme, erased).body("cases", hasSize(1)).body("claims", hasSize(1)).body("payments", hasSize(1))
                .body("contacts", hasSize(1)).body("handoverPackages", hasSize(1));
        JsonNode keptBefore = exported(acme, kept);
        JsonNode globexBefore = exported(globex, globexDebtor);
        assertEquals(1, keptBefore.get("cases").size());
        assertEquals(1, globexBefore.get("handoverPackages").size());

        // The day after: everything kept of the erased debtor goes, the debtor stays as the record of it.
        sim.at(berlin(2035, 1, 1, 3, 0));
        List<DebtorRecordsDeleted> deleted = deleteDue(LocalDate.parse("2035-01-01"), erased, globexDebtor);
        assertEquals(1, deleted.size(), deleted.toString());
        DebtorRecordsDeleted event = deleted.getFirst();
        assertEquals(UUID.fromString(erased), event.debtorId());
        assertEquals(LocalDate.parse("2034-12-31"), event.retainedUntil());
        assertEquals(List.of(erasedCase), event.caseIds());
        Map<String, Long> rows = event.rowsDeleted();
        assertEquals(1L, rows.get("cases"));
        assertEquals(1L, rows.get("claims"));
        assertEquals(1L, rows.get("case_payments"));
        assertEquals(2L, rows.get("payment_allocations")); // interest, then principal
        assertEquals(1L, rows.get("dunning_contacts"));
        assertEquals(1L, rows.get("handover_packages"));
        assertEquals(1L, rows.get("dunning_schedules"));
        assertEquals(1L, rows.get("debtor_retention_due"));
        assertTrue(rows.get("case_events") >= 5, rows.toString());
        assertTrue(rows.keySet().containsAll(tablesReferencingDebtorsOrCases()),
                "every table that references a debtor or a case is emptied of the debtor's rows: " + rows.keySet());

        debtor(acme.viewerToken(), erased).statusCode(200)
                .body("name", equalTo("erased (Art. 17 GDPR)"))
                .body("retainedUntil", equalTo("2034-12-31"))
                .body("recordsDeletedAt", equalTo("2035-01-01T02:00:00Z"));
        export(acme, erased).body("cases", hasSize(0)).body("claims", hasSize(0)).body("timeline", hasSize(0))
                .body("payments", hasSize(0)).body("contacts", hasSize(0)).body("handoverPackages", hasSize(0));
        given().auth().oauth2(acme.viewerToken()).get("/api/cases/{id}", erasedCase).then().statusCode(404);
        assertEquals(0, count("select count(*) from dunning_due where case_id = $1", erasedCase));
        assertEquals(0, count("select count(*) from debtor_retention_due where debtor_id = $1", UUID.fromString(erased)));
        String record = VertxContextSupport.subscribeAndAwait(() -> transactions.inTransaction(new TenantId(acme.id()), session ->
                session.createNativeQuery("select cast(rows_deleted as text) from debtor_record_deletions where debtor_id = :id", String.class)
                        .setParameter("id", UUID.fromString(erased)).getSingleResult()));
        assertEquals(new TreeMap<>(rows), json.readValue(record, new TypeReference<TreeMap<String, Long>>() {
        }));

        // The same tenant's other debtor and the other tenant's erased debtor keep everything.
        debtor(acme.viewerToken(), kept).statusCode(200).body("name", equalTo("Erika Mustermann")).body("recordsDeletedAt", nullValue());
        assertEquals(keptBefore, exported(acme, kept));
        debtor(globex.viewerToken(), globexDebtor).statusCode(200).body("recordsDeletedAt", nullValue());
        assertEquals(globexBefore, exported(globex, globexDebtor));
        debtor(globex.viewerToken(), erased).statusCode(404).body("message", equalTo("debtor " + erased + " not found"));

        // Again, the same day and later: nothing more is deleted, one event was published.
        assertEquals(List.of(), deleteDue(LocalDate.parse("2035-01-01"), erased, globexDebtor));
        assertEquals(List.of(), deleteDue(LocalDate.parse("2035-06-30"), erased, globexDebtor));
        assertEquals(List.of("DebtorErased", "DebtorRecordsDeleted"), sim.debtorEvents(acme, erased));
        JsonNode published = json.readTree(pool.preparedQuery("""
                        select envelope::text as envelope from outbox where message_key = $1 and envelope ->> 'type' = 'DebtorRecordsDeleted'""")
                .execute(Tuple.of(acme.id() + ":" + erased)).await().atMost(TIMEOUT).iterator().next().getString("envelope"));
        assertEquals(erasedCase.toString(), published.at("/payload/caseIds/0").asText());
        assertEquals(1, published.at("/payload/rowsDeleted/cases").asInt());
        assertEquals(List.of("DebtorErased"), sim.debtorEvents(globex, globexDebtor));
        assertEquals(List.of(), sim.debtorEvents(globex, erased));
    }

    /** Runs the job (over every tenant: other tests' erased debtors may go too) and answers what it did to {@code debtors}. */
    private List<DebtorRecordsDeleted> deleteDue(LocalDate today, String... debtors) throws Throwable {
        List<UUID> ours = java.util.Arrays.stream(debtors).map(UUID::fromString).toList();
        return VertxContextSupport.subscribeAndAwait(() -> deletion.deleteDue(today)).stream()
                .filter(deleted -> ours.contains(deleted.debtorId())).toList();
    }

    /** The catalog's answer, so a table added later that references debtors or cases is noticed here. */
    private List<String> tablesReferencingDebtorsOrCases() {
        List<String> tables = new ArrayList<>();
        for (Row row : pool.preparedQuery("""
                        select distinct c.table_name from information_schema.columns c
                        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                        where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                          and c.column_name in ('debtor_id', 'case_id', 'claim_id')
                          and c.table_name <> 'debtor_record_deletions' -- the record of the deletion itself""")
                .execute().await().atMost(TIMEOUT)) {
            tables.add(row.getString("table_name"));
        }
        assertTrue(tables.contains("claims") && tables.contains("case_events"), tables.toString());
        return tables;
    }

    private long count(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    private static ValidatableResponse debtor(String token, String debtorId) {
        return given().auth().oauth2(token).get("/api/debtors/{id}", debtorId).then().log().ifValidationFails();
    }

    private static ValidatableResponse export(TestTenant tenant, String debtorId) {
        return given().auth().oauth2(tenant.adminToken()).get("/api/debtors/{id}/export", debtorId).then().log().ifValidationFails()
                .statusCode(200).body("debtor.id", notNullValue());
    }

    /** The debtor's export without the time it was taken. */
    private JsonNode exported(TestTenant tenant, String debtorId) throws Exception {
        ObjectNode export = (ObjectNode) json.readTree(export(tenant, debtorId).extract().asString());
        export.remove("exportedAt");
        return export;
    }

    private static ValidatableResponse erasure(TestTenant tenant, String debtorId) {
        return given().auth().oauth2(tenant.adminToken()).contentType(ContentType.JSON).body(Map.of("reason", "request by letter"))
                .post("/api/debtors/{id}/erasure", debtorId).then().log().ifValidationFails().statusCode(200);
    }
}

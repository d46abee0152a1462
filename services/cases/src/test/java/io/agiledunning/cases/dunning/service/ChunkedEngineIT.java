package io.agiledunning.cases.dunning.service;

import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.agiledunning.cases.dunning.service.DunningSimulation.berlin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine decides a tenant's chunk of cases in one transaction (docs/dunning.md, "Engine"): the chunk must come
 * out exactly as deciding its cases one by one, a lost lease leaves its case untouched, and a chunk that fails writes
 * nothing before its cases are decided one by one.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class ChunkedEngineIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final int CASES = 80;
    private static final String OWNER = "chunk-test";

    @Inject
    DunningEngine engine;

    @Inject
    Pool pool;

    private final List<UUID> tenants = new ArrayList<>();

    /** This test's cases are due long before the other tests' clocks: they must not be left on the due index. */
    @AfterEach
    void cleanUp() {
        SimulationClock.CLOCK.release();
        pool.preparedQuery("delete from dunning_due where tenant_id = any($1)").execute(Tuple.of(tenants.toArray(UUID[]::new)))
                .await().atMost(TIMEOUT);
    }

    @Test
    void aMixedChunkComesOutExactlyAsDecidingItsCasesOneByOne() throws Throwable {
        Instant now = berlin(2023, 1, 10, 10, 0); // a Tuesday
        SimulationClock.CLOCK.set(now);
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID chunked = UUID.randomUUID();
        UUID oneByOne = UUID.randomUUID();
        tenants.addAll(List.of(chunked, oneByOne));
        for (UUID tenant : List.of(chunked, oneByOne)) {
            BulkCases.insert(pool, tenant, run, 1, CASES, 1000, true, now);
            // Case 4's debtor was contacted 3 times this week (about an earlier case): the frequency cap holds it back.
            // Every 11th case is new: the engine starts its dunning (a lifecycle step) before the first contact.
            asTenant(tenant, """
                    insert into dunning_contacts (id, tenant_id, case_id, debtor_id, idempotency_key, step_key, sequence, channel,
                                                  template, requested_at)
                    select gen_random_uuid(), tenant_id, id, debtor_id, 'earlier:' || n, 'earlier', n, 'EMAIL', 'earlier',
                           $2::timestamptz - n * interval '1 day'
                    from cases, generate_series(1, 3) n where external_reference = $1 || '-4'""",
                    run, now.atOffset(ZoneOffset.UTC));
            asTenant(tenant, """
                    update cases set status = 'OPEN'
                    where status = 'IN_DUNNING' and split_part(external_reference, '-', 2)::int % 11 = 0""");
            claimAll(tenant, now);
        }

        List<UUID> chunkIds = caseIds(chunked);
        assertEquals(CASES, (int) await(engine.work(OWNER, new TenantId(chunked), chunkIds, now)));
        for (UUID id : caseIds(oneByOne)) {
            assertEquals(1, (int) await(engine.work(OWNER, new TenantId(oneByOne), List.of(id), now)));
        }

        List<String> decided = outcome(chunked);
        assertEquals(outcome(oneByOne), decided);
        String all = String.join("\n", decided);
        for (String expected : new String[]{"ContactRequested", "ContactBlocked", "dunning started", "the claim is disputed",
                "installment plan in good standing", "frequency cap"}) {
            assertTrue(all.contains(expected), "the chunk covers " + expected + ":\n" + all);
        }
        assertEquals(0, rows(oneByOne, "select count(*) from case_events where case_id = any($1)", (Object) chunkIds.toArray(UUID[]::new)),
                "another tenant sees nothing of the chunk");
    }

    @Test
    void aLostLeaseLeavesItsCaseUntouchedAndAFailingChunkWritesNothing() {
        Instant now = berlin(2023, 1, 17, 10, 0); // a Tuesday
        SimulationClock.CLOCK.set(now);
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID tenant = UUID.randomUUID();
        tenants.add(tenant);
        BulkCases.insert(pool, tenant, run, 1, 20, 1000, false, now);
        claimAll(tenant, now);
        UUID stolen = caseOf(tenant, run + "-3");
        UUID broken = caseOf(tenant, run + "-5");
        // Another replica took case 3 over after our lease expired; case 5 fails mid-chunk (a currency no one knows).
        pool.preparedQuery("update dunning_due set lease_owner = 'other-replica' where case_id = $1").execute(Tuple.of(stolen))
                .await().atMost(TIMEOUT);
        asTenant(tenant, "update cases set currency = 'ZZZ' where id = $1", broken);
        List<DueCase> chunk = caseIds(tenant).stream().map(id -> new DueCase(id, new TenantId(tenant), now)).toList();

        Throwable failure = assertThrows(Throwable.class,
                () -> await(engine.work(OWNER, new TenantId(tenant), chunk.stream().map(DueCase::caseId).toList(), now)));
        String causes = java.util.stream.Stream.iterate(failure, java.util.Objects::nonNull, Throwable::getCause)
                .map(String::valueOf).collect(java.util.stream.Collectors.joining(" <- "));
        assertTrue(causes.contains("ZZZ"), "the chunk failed on the broken case's currency: " + causes);
        assertEquals(0, rows(tenant, "select count(*) from dunning_contacts"), "the failed chunk wrote no contact");
        assertEquals(0, rows(tenant, "select count(*) from case_events"), "nor a timeline entry");
        assertEquals(0, count("select count(*) from outbox where tenant_id = $1", tenant), "nor an event");
        assertEquals(19, count("select count(*) from dunning_due where tenant_id = $1 and lease_owner = $2 and due_at < $3",
                tenant, OWNER, now.atOffset(ZoneOffset.UTC)), "nor moved a due row");

        DunningEngine.RunResult result = engine.workChunk(OWNER, chunk, now, () -> true);
        assertEquals(new DunningEngine.RunResult(18, 2), result);
        assertEquals(18, rows(tenant, "select count(*) from dunning_contacts"));
        assertEquals(0, rows(tenant, "select count(*) from dunning_contacts where case_id = any($1)", (Object) new UUID[]{stolen, broken}));
        assertEquals(18, count("select count(*) from outbox where tenant_id = $1 and topic = 'cases.commands.v1'", tenant));
        assertEquals(1, count("select count(*) from dunning_due where case_id = $1 and lease_owner = 'other-replica'", stolen),
                "the other replica's case is left to it");
        assertEquals(1, count("select count(*) from dunning_due where case_id = $1 and lease_owner = $2 and due_at < $3",
                broken, OWNER, now.atOffset(ZoneOffset.UTC)), "the failing case waits for its lease to expire");
    }

    /** Per case (by external reference): timeline, events without ids, schedule and due row, in a comparable form. */
    private List<String> outcome(UUID tenant) {
        List<String> lines = new ArrayList<>();
        lines.addAll(strings(tenant, """
                select c.external_reference || ' timeline ' || e.type || ' ' || coalesce(e.from_status, '') || '>' || e.to_status
                       || ' ' || e.reason
                from case_events e join cases c on c.id = e.case_id
                order by c.external_reference, e.occurred_at, e.type, e.reason"""));
        lines.addAll(strings(tenant, """
                select c.external_reference || ' event ' || (o.envelope ->> 'type') || ' '
                       || ((o.envelope -> 'payload') - 'caseId' - 'debtorId' - 'idempotencyKey')::text
                       || ' key ' || coalesce(replace(o.envelope -> 'payload' ->> 'idempotencyKey', c.id::text, 'case'), '-')
                from outbox o join cases c on c.id::text = o.envelope -> 'payload' ->> 'caseId'
                where o.tenant_id = $1
                order by c.external_reference, o.created_at""", tenant));
        lines.addAll(strings(tenant, """
                select c.external_reference || ' schedule ' || s.next_step || ' ' || s.contacts_sent || ' ' || s.last_blocked || ' '
                       || s.last_reasons || ' due ' || coalesce(d.due_at::text, 'ended') || ' ' || coalesce(d.lease_owner, 'released')
                from dunning_schedules s join cases c on c.id = s.case_id left join dunning_due d on d.case_id = s.case_id
                order by c.external_reference"""));
        assertEquals(count("select count(*) from outbox where tenant_id = $1", tenant),
                lines.stream().filter(line -> line.contains(" event ")).count(), "every event is about a case");
        return lines;
    }

    private void claimAll(UUID tenant, Instant now) {
        pool.preparedQuery("update dunning_due set lease_owner = $1, lease_until = $2 where tenant_id = $3")
                .execute(Tuple.of(OWNER, now.plus(Duration.ofMinutes(2)).atOffset(ZoneOffset.UTC), tenant)).await().atMost(TIMEOUT);
    }

    private List<UUID> caseIds(UUID tenant) {
        return inTenant(tenant, "select id from cases order by split_part(external_reference, '-', 2)::int")
                .stream().map(row -> row.getUUID(0)).toList();
    }

    private UUID caseOf(UUID tenant, String externalReference) {
        return inTenant(tenant, "select id from cases where external_reference = $1", externalReference).getFirst().getUUID(0);
    }

    private List<String> strings(UUID tenant, String sql, Object... parameters) {
        return inTenant(tenant, sql, parameters).stream().map(row -> row.getString(0)).toList();
    }

    private long rows(UUID tenant, String sql, Object... parameters) {
        return inTenant(tenant, sql, parameters).getFirst().getLong(0);
    }

    private void asTenant(UUID tenant, String sql, Object... parameters) {
        inTenant(tenant, sql, parameters);
    }

    /** Runs {@code sql} in a transaction bound to {@code tenant} (row-level security applies). */
    private List<Row> inTenant(UUID tenant, String sql, Object... parameters) {
        return pool.withTransaction(connection -> connection.preparedQuery("select set_config('app.tenant_id', $1, true)")
                        .execute(Tuple.of(tenant.toString()))
                        .chain(() -> connection.preparedQuery(sql).execute(Tuple.from(parameters))))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                })
                .await().atMost(TIMEOUT);
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    private static <T> T await(io.smallrye.mutiny.Uni<T> uni) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> uni);
    }
}

package io.agiledunning.cases.dunning.service;

import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.agiledunning.cases.dunning.service.DunningSimulation.berlin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two engine replicas on one database over 10,000 due cases of two tenants: every due contact is emitted exactly
 * once, also when one replica dies mid-batch (its claimed cases wait out their lease and are taken over).
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class DunningEngineReplicasIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int PER_TENANT = 5_000;

    @Inject
    DunningEngine engine;

    @Inject
    Pool pool;

    private final List<UUID> tenants = new ArrayList<>();

    /**
     * The 10,000 cases out of the engine's queue, whether the test passed or not: the simulations of later tests in this
     * database run the engine over every due case, and would walk these through all their steps (minutes of CI).
     */
    @AfterEach
    void forgetTheCases() {
        SimulationClock.CLOCK.release();
        pool.preparedQuery("delete from dunning_due where tenant_id = any($1)").execute(Tuple.of(tenants.toArray(UUID[]::new)))
                .await().atMost(TIMEOUT);
    }

    @Test
    void everyDueContactIsEmittedExactlyOnceAcrossReplicasAndAKill() throws Exception {
        // Tuesday 2025-03-04, 10:00 in Berlin: nothing else in this database is due that early.
        Instant now = berlin(2025, 3, 4, 10, 0);
        SimulationClock.CLOCK.set(now);
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID tenantA = UUID.randomUUID();
        UUID tenantB = UUID.randomUUID();
        tenants.addAll(List.of(tenantA, tenantB));
        BulkCases.insert(pool, tenantA, run, 1, PER_TENANT, 1000, false, now);
        BulkCases.insert(pool, tenantB, run, 1, PER_TENANT, 1000, false, now);

        long started = System.nanoTime();
        AtomicBoolean aAlive = new AtomicBoolean(true);
        CompletableFuture<DunningEngine.RunResult> a = CompletableFuture.supplyAsync(() -> engine.runOnce("replica-a-" + run, aAlive::get));
        CompletableFuture<DunningEngine.RunResult> b = CompletableFuture.supplyAsync(() -> engine.runOnce("replica-b-" + run));
        // Kill A while it holds more than three chunks of claimed, undecided cases, so the kill lands mid-batch whatever the
        // machine's speed (killed between two batches, A would leave nothing behind and prove nothing).
        while (!a.isDone() && (contacts(tenantA, tenantB) < 1_500
                || count("select count(*) from dunning_due where lease_owner = $1", "replica-a-" + run) <= 300)) {
            Thread.sleep(5);
        }
        aAlive.set(false); // replica A dies mid-batch: what it claimed and did not start stays leased to it
        DunningEngine.RunResult byA = a.get(2, java.util.concurrent.TimeUnit.MINUTES);
        DunningEngine.RunResult byB = b.get(5, java.util.concurrent.TimeUnit.MINUTES);
        long abandoned = count("select count(*) from dunning_due where lease_owner = $1", "replica-a-" + run);
        assertTrue(byA.decided() > 0 && byB.decided() > 0, "both replicas worked: " + byA + " " + byB);
        assertTrue(abandoned > 0, "the kill left claimed cases behind");
        assertEquals(2L * PER_TENANT - abandoned, contacts(tenantA, tenantB), "all but the abandoned ones emitted once");

        // B runs again before the lease expires: A's cases are not touched yet.
        assertEquals(0, engine.runOnce("replica-b-" + run).decided());
        SimulationClock.CLOCK.set(now.plus(Duration.ofMinutes(2)).plusSeconds(1));
        DunningEngine.RunResult takeover = engine.runOnce("replica-b-" + run);
        assertEquals(abandoned, takeover.decided());

        assertEquals(2L * PER_TENANT, contacts(tenantA, tenantB));
        System.out.printf("10,000 due cases decided by two replicas (one killed) in %d ms: %s %s %s%n",
                (System.nanoTime() - started) / 1_000_000, byA, byB, takeover);
        assertEquals(2L * PER_TENANT, count("""
                select count(distinct message_key) from outbox where topic = 'cases.commands.v1' and tenant_id in ($1, $2)""",
                tenantA, tenantB), "one command per case");
        assertEquals(0, count("select count(*) from dunning_due where tenant_id in ($1, $2) and (lease_owner is not null or due_at < $3)",
                tenantA, tenantB, now.plus(Duration.ofDays(13)).atOffset(ZoneOffset.UTC)), "every case rescheduled to its next step, lease released");
        for (UUID tenant : new UUID[]{tenantA, tenantB}) {
            assertEquals(PER_TENANT, count("""
                    select count(*) from outbox where topic = 'cases.commands.v1' and tenant_id = $1""", tenant));
        }
    }

    private long contacts(UUID tenantA, UUID tenantB) {
        return count("""
                select count(*) from outbox where topic = 'cases.commands.v1' and tenant_id in ($1, $2)
                  and envelope -> 'payload' ->> 'idempotencyKey' like '%:friendly-reminder:1'""", tenantA, tenantB);
    }

    private long count(String sql, Object... parameters) {
        Row row = pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(TIMEOUT).iterator().next();
        return row.getLong(0);
    }
}

package io.agiledunning.cases.dunning.service;

import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.agiledunning.cases.dunning.service.DunningSimulation.berlin;

/**
 * The engine benchmark (deploy/bench/engine.sh, docs/benchmarks.md): one daily run over {@code bench.cases} open
 * cases of 10 tenants, {@code bench.due-permille} of them due, the rest due later; then, in the same run, two plain
 * set-based UPDATEs as baselines: (a) of the same (formerly due) rows, (b) of every open case's due row (the whole
 * daily run's population). Prints the claim query's plan (the not-due majority must not be read) and the load
 * average before and after. Not part of ./mvnw verify (no *IT name, and only with -Dbench=true).
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class EngineBench {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final int TENANTS = 10;
    private static final int CHUNK = 50_000;

    @Inject
    DunningEngine engine;

    @Inject
    Pool pool;

    @AfterEach
    void systemTime() {
        SimulationClock.CLOCK.release();
    }

    @Test
    void dailyRun() {
        int cases = Integer.getInteger("bench.cases", 1_000_000);
        int duePermille = Integer.getInteger("bench.due-permille", 10);
        Instant now = berlin(2024, 3, 5, 10, 0); // a Tuesday, before anything else in this database is due
        SimulationClock.CLOCK.set(now);
        String run = UUID.randomUUID().toString().substring(0, 8);

        System.out.printf("BENCH load average before loading: %s%n", loadAverage());
        long loadStart = System.nanoTime();
        int perTenant = cases / TENANTS;
        UUID[] tenants = new UUID[TENANTS];
        for (int t = 0; t < TENANTS; t++) {
            UUID tenant = UUID.randomUUID();
            tenants[t] = tenant;
            for (int from = 1; from <= perTenant; from += CHUNK) {
                BulkCases.insert(pool, tenant, run, from, Math.min(perTenant, from + CHUNK - 1), duePermille, true, now);
            }
        }
        pool.query("analyze").execute().await().atMost(TIMEOUT);
        long due = count("select count(*) from dunning_due where due_at <= $1", now.atOffset(ZoneOffset.UTC));
        System.out.printf("BENCH loaded %,d open cases (%,d due) in %.1f s%n", (long) perTenant * TENANTS, due, seconds(loadStart));

        // The rows the run will touch, for the baseline (the app role may not create tables).
        UUID[] dueCases = pool.preparedQuery("select case_id from dunning_due where due_at <= $1")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC))).await().atMost(TIMEOUT)
                .stream().map(row -> row.getUUID(0)).toArray(UUID[]::new);

        pool.preparedQuery("explain " + DueIndex.CLAIM)
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), 500, "explain", now.atOffset(ZoneOffset.UTC)))
                .await().atMost(TIMEOUT)
                .forEach(row -> System.out.printf("BENCH claim plan: %s%n", row.getString(0)));

        System.out.printf("BENCH load average before the run: %s%n", loadAverage());
        long engineStart = System.nanoTime();
        DunningEngine.RunResult result = engine.runOnce("bench-" + run);
        double engineSeconds = seconds(engineStart);

        long updateStart = System.nanoTime();
        long touched = moveDueRows("case_id = any($1)", dueCases);
        double updateSeconds = seconds(updateStart);

        long allStart = System.nanoTime();
        long touchedAll = moveDueRows("tenant_id = any($1)", tenants);
        double allSeconds = seconds(allStart);

        System.out.printf("BENCH engine: %,d cases decided (%,d skipped) in %.2f s = %,.0f cases/s over %,d open cases%n",
                result.decided(), result.skipped(), engineSeconds, result.decided() / engineSeconds, (long) perTenant * TENANTS);
        System.out.printf("BENCH baseline (a): set-based UPDATE of the same %,d due rows in %.2f s%n", touched, updateSeconds);
        System.out.printf("BENCH baseline (b): set-based UPDATE of every open case's due row, %,d rows, in %.2f s%n", touchedAll, allSeconds);
        System.out.printf("BENCH ratio engine / (a) same due rows: %.1f (per-decision cost, not the goal: ADR 0014)%n", engineSeconds / updateSeconds);
        System.out.printf("BENCH ratio engine / (b) every open case: %.2f (goal: <= 2, ADR 0014)%n", engineSeconds / allSeconds);
        System.out.printf("BENCH load average after: %s%n", loadAverage());
    }

    /** The baseline: one set-based UPDATE moving the due rows {@code where} selects a day on, leases released. */
    private long moveDueRows(String where, UUID[] ids) {
        return pool.preparedQuery("update dunning_due set due_at = due_at + interval '1 day', lease_owner = null, lease_until = null where "
                        + where)
                .execute(Tuple.of(ids)).await().atMost(TIMEOUT).rowCount();
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2] + " (1/5/15 min, " + Runtime.getRuntime().availableProcessors() + " cores)";
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(TIMEOUT).iterator().next().getLong(0);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}

package io.agiledunning.cases.dunning.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.events.TenantOffboarded;
import io.agiledunning.common.events.TenantReactivated;
import io.agiledunning.common.events.TenantSuspended;
import io.agiledunning.testsupport.EventSender;
import io.agiledunning.testsupport.Eventually;
import io.agiledunning.testsupport.KafkaResource;
import io.agiledunning.testsupport.KeycloakResource;
import io.agiledunning.testsupport.PostgresResource;
import io.agiledunning.testsupport.TestTenant;
import io.agiledunning.testsupport.TestTenants;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.agiledunning.cases.dunning.service.DunningSimulation.berlin;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A platform admin's suspension of a tenant (TenantSuspended from onboarding, over Kafka) pauses the engine for that
 * tenant's cases only; reactivation resumes them on the next run, with nothing lost or sent twice. An offboarded
 * tenant's (TenantOffboarded) are held for good.
 */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "cases"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class TenantSuspensionIT {

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
    void aSuspendedTenantsDebtorsAreNotContactedUntilItIsReactivated() throws Exception {
        TestTenant suspended = TestTenants.create("hold-acme");
        TestTenant active = TestTenants.create("hold-globex");
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Separate simulations: the held case stays due, so it must not drive the active tenant's clock loop.
        DunningSimulation held = new DunningSimulation(engine, pool, json);
        DunningSimulation running = new DunningSimulation(engine, pool, json);
        held.at(berlin(2026, 1, 5, 10, 0)); // a Monday
        UUID acmeCase = held.place(suspended, "hold-" + run, "BE", "120.00", "0.00");
        UUID globexCase = running.place(active, "run-" + run, "BE", "120.00", "0.00");

        EventSender onboarding = new EventSender(json);
        onboarding.publish(suspended.id(), new TenantSuspended(suspended.alias(), "unpaid platform invoice", "platform-admin"));
        Eventually.within(Duration.ofSeconds(30), () -> assertEquals(1, holds(suspended)));

        running.runUntil(berlin(2026, 1, 8, 12, 0));
        assertEquals(List.of("friendly-reminder"), steps(running.sent(active, globexCase)), "the other tenant is worked");
        assertEquals(List.of(), steps(held.sent(suspended, acmeCase)), "nothing for the suspended tenant's debtor");
        assertEquals("OPEN", held.status(suspended, acmeCase), "the case itself is unchanged");

        onboarding.publish(suspended.id(), new TenantReactivated(suspended.alias(), "platform-admin"));
        Eventually.within(Duration.ofSeconds(30), () -> assertEquals(0, holds(suspended)));
        held.runUntil(berlin(2026, 1, 9, 12, 0));
        List<DunningSimulation.Sent> resumed = held.sent(suspended, acmeCase);
        assertEquals(List.of("friendly-reminder"), steps(resumed), "resumed once, not repeated for the days on hold");
        assertEquals(berlin(2026, 1, 8, 12, 0), resumed.getFirst().at().atZone(DunningSimulation.BERLIN).toInstant(),
                "sent on the first run after the hold was lifted");
        assertEquals(List.of("friendly-reminder"), steps(running.sent(active, globexCase)));
    }

    @Test
    void anOffboardedTenantsDebtorsAreNotContactedAgain() throws Exception {
        TestTenant leaving = TestTenants.create("hold-initech");
        TestTenant active = TestTenants.create("hold-umbrella");
        String run = UUID.randomUUID().toString().substring(0, 8);
        // As above: the held case stays due, so only the active tenant's case drives the clock.
        DunningSimulation held = new DunningSimulation(engine, pool, json);
        DunningSimulation running = new DunningSimulation(engine, pool, json);
        held.at(berlin(2026, 1, 5, 10, 0)); // a Monday
        UUID caseId = held.place(leaving, "off-" + run, "BE", "120.00", "0.00");
        UUID otherCase = running.place(active, "on-" + run, "BE", "120.00", "0.00");

        new EventSender(json).publish(leaving.id(),
                new TenantOffboarded(leaving.alias(), "contract ended", "platform-admin", LocalDate.of(2026, 1, 5)));
        Eventually.within(Duration.ofSeconds(30), () -> assertEquals("tenant offboarded: contract ended", holdReason(leaving)));
        running.runUntil(berlin(2026, 1, 8, 12, 0));
        assertEquals(List.of("friendly-reminder"), steps(running.sent(active, otherCase)), "the other tenant is worked");
        assertEquals(List.of(), steps(held.sent(leaving, caseId)), "no reminder after the offboarding");
        assertEquals("OPEN", held.status(leaving, caseId), "the case itself is kept as it was");
    }

    private String holdReason(TestTenant tenant) {
        var rows = pool.preparedQuery("select reason from tenant_dunning_holds where tenant_id = $1")
                .execute(Tuple.of(tenant.id())).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? null : rows.iterator().next().getString("reason");
    }

    private int holds(TestTenant tenant) {
        return pool.preparedQuery("select count(*) as n from tenant_dunning_holds where tenant_id = $1")
                .execute(Tuple.of(tenant.id())).await().atMost(Duration.ofSeconds(10)).iterator().next().getInteger("n");
    }

    private static List<String> steps(List<DunningSimulation.Sent> sent) {
        return sent.stream().map(DunningSimulation.Sent::step).toList();
    }
}

package io.agiledunning.communications.event;

import io.agiledunning.common.data.outbox.OutboxPruning;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox keeps published rows for 7 days (default), of every tenant alike, and never an unpublished one. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, initArgs = @ResourceArg(name = "service", value = "communications"))
@WithTestResource(KeycloakResource.class)
@WithTestResource(KafkaResource.class)
class OutboxPruningIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    OutboxPruning pruning;

    @Inject
    Pool pool;

    private final List<UUID> inserted = new ArrayList<>();

    @AfterEach
    void removeWhatIsLeft() {
        pool.preparedQuery("delete from outbox where event_id = any($1)").execute(Tuple.of(inserted.toArray(UUID[]::new)))
                .await().atMost(TIMEOUT);
    }

    @Test
    void publishedRowsOlderThanAWeekAreDeletedOthersStay() {
        UUID tenantA = UUID.randomUUID();
        UUID tenantB = UUID.randomUUID();
        row(tenantA, "now() - interval '8 days'");
        row(tenantB, "now() - interval '7 days 1 hour'");
        UUID recent = row(tenantA, "now() - interval '6 days 23 hours'");
        UUID unpublished = row(tenantB, null);

        long deleted = pruning.prune();

        assertTrue(deleted >= 2, "deleted " + deleted);
        assertEquals(List.of(recent, unpublished), left(), "a week's published rows and every unpublished one stay");
    }

    /** A row of {@code tenant} created and published at {@code publishedAt} (SQL), or created now and unpublished (null). */
    private UUID row(UUID tenant, String publishedAt) {
        UUID id = UUID.randomUUID();
        inserted.add(id);
        String times = publishedAt == null ? "now(), null" : publishedAt + ", " + publishedAt;
        pool.preparedQuery("""
                        insert into outbox (event_id, tenant_id, topic, message_key, envelope, created_at, published_at)
                        values ($1, $2, 'test.pruning', $3, '{}'::jsonb, %s)""".formatted(times))
                .execute(Tuple.of(id, tenant, tenant + ":" + id)).await().atMost(TIMEOUT);
        return id;
    }

    /** The inserted rows still there, in insertion order. */
    private List<UUID> left() {
        List<UUID> ids = new ArrayList<>();
        for (Row r : pool.preparedQuery("select event_id from outbox where event_id = any($1)")
                .execute(Tuple.of(inserted.toArray(UUID[]::new))).await().atMost(TIMEOUT)) {
            ids.add(r.getUUID("event_id"));
        }
        return inserted.stream().filter(ids::contains).toList();
    }
}

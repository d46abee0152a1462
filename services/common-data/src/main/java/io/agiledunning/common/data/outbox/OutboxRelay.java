package io.agiledunning.common.data.outbox;


import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Publishes outbox rows to Kafka, oldest first. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several replicas relay side by side without publishing a row twice at the same time; a row is marked
 * published only after Kafka acknowledged it. A crash between the two republishes it — consumers'
 * inboxes make that harmless (at-least-once delivery, exactly-once effect).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final EventPublisher publisher;
    private final OutboxConfig config;

    public OutboxRelay(Pool pool, EventPublisher publisher, OutboxConfig config) {
        this.pool = pool;
        this.publisher = publisher;
        this.config = config;
    }

    @Scheduled(every = "${agiledunning.outbox.relay-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = OutboxRelayDisabled.class)
    void relayOnSchedule() {
        try {
            relayAll();
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay paused until next run: %s", e.getMessage());
        }
    }

    /** Relays until the outbox is drained; returns how many events were published. Blocking. */
    public int relayAll() {
        int total = 0;
        int published;
        do {
            published = relayBatch().await().atMost(BATCH_TIMEOUT);
            total += published;
        } while (published == config.batchSize());
        return total;
    }

    private Uni<Integer> relayBatch() {
        return pool.withTransaction(connection -> claimBatch(connection)
                .chain(rows -> publishAll(rows).chain(ids -> markPublished(connection, ids))));
    }

    private Uni<List<Row>> claimBatch(SqlConnection connection) {
        return connection.preparedQuery("""
                        select event_id, topic, message_key, envelope::text as envelope from outbox
                        where published_at is null
                        order by created_at
                        limit $1
                        for update skip locked""")
                .execute(Tuple.of(config.batchSize()))
                .map(rows -> {
                    List<Row> claimed = new ArrayList<>();
                    rows.forEach(claimed::add);
                    return claimed;
                });
    }

    private Uni<List<UUID>> publishAll(List<Row> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<UUID>> sends = rows.stream()
                .map(row -> publisher.publish(row.getString("topic"), row.getString("message_key"), row.getString("envelope"))
                        .replaceWith(row.getUUID("event_id")))
                .toList();
        return Uni.join().all(sends).andFailFast();
    }

    private Uni<Integer> markPublished(SqlConnection connection, List<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery("update outbox set published_at = now() where event_id = any($1)")
                .execute(Tuple.of(eventIds.toArray(UUID[]::new)))
                .map(result -> result.rowCount());
    }
}

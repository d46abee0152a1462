package io.agiledunning.common.data.outbox;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes the outbox rows Kafka has had for longer than {@code agiledunning.outbox.keep-published} (7 days by
 * default), daily. A published row is needed by nobody — consumers read Kafka, and a relay that crashed before
 * marking a row republishes only unpublished ones — but kept for a week it lets an operator look back at what left
 * the service. Without this the table would grow with every event for ever and keep what events carry (a debtor's
 * name) long after the debtor's erasure. Unpublished rows are never touched. Every replica may run it: a second
 * delete finds nothing left.
 */
@ApplicationScoped
public class OutboxPruning {

    private static final Logger LOG = Logger.getLogger(OutboxPruning.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    /** Daily, at night: the default of {@code agiledunning.outbox.prune-cron}. */
    static final String CRON = "0 15 3 * * ?";

    private final Pool pool;
    private final OutboxConfig config;
    private final Clock clock;

    public OutboxPruning(Pool pool, OutboxConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(cron = "${agiledunning.outbox.prune-cron:" + CRON + "}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOnSchedule() {
        try {
            long deleted = prune();
            LOG.infof("Outbox pruned: %d rows published more than %s ago deleted", deleted, config.keepPublished());
        } catch (RuntimeException e) {
            LOG.warnf("Outbox pruning failed, tried again tomorrow: %s", e.getMessage());
        }
    }

    /** Deletes every row published before now minus the kept time; @return how many. Blocking. */
    public long prune() {
        Instant before = clock.instant().minus(config.keepPublished());
        return pool.preparedQuery("delete from outbox where published_at < $1")
                .execute(Tuple.of(OffsetDateTime.ofInstant(before, ZoneOffset.UTC)))
                .map(result -> (long) result.rowCount())
                .await().atMost(TIMEOUT);
    }
}

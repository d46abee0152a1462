package io.agiledunning.common.data.outbox;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

@Singleton
public class OutboxRelayDisabled implements Scheduled.SkipPredicate {

    private final OutboxConfig config;

    public OutboxRelayDisabled(OutboxConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.relayEnabled();
    }
}

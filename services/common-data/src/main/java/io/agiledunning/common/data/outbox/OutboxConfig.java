package io.agiledunning.common.data.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "agiledunning.outbox")
public interface OutboxConfig {

    /** Whether this instance relays the outbox to Kafka. */
    @WithDefault("true")
    boolean relayEnabled();

    @WithDefault("500")
    int batchSize();

    /** How long a published row stays in the outbox before {@link OutboxPruning} deletes it. */
    @WithDefault("P7D")
    Duration keepPublished();

    /** When {@link OutboxPruning} runs (Quarkus cron; {@code off} in tests, which call it). */
    @WithDefault(OutboxPruning.CRON)
    String pruneCron();
}

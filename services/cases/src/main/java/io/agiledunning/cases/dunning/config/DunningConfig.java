package io.agiledunning.cases.dunning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "agiledunning.dunning")
public interface DunningConfig {

    /** Whether this replica runs the engine on a timer (tests and the benchmark call it directly). */
    @WithDefault("true")
    boolean schedulerEnabled();

    @WithDefault("500")
    int batchSize();

    /** How long a claim protects a case from other replicas; a crashed replica's cases are retried after it. */
    @WithDefault("PT2M")
    Duration lease();

    /**
     * Most cases of one tenant decided together in one transaction (one query per table, multi-row writes). A chunk is
     * the unit a killed replica leaves leased and another one retries.
     */
    @WithDefault("100")
    int chunkSize();

    /** Chunks worked side by side within a batch (each in its own tenant transaction). */
    @WithDefault("4")
    int concurrency();
}

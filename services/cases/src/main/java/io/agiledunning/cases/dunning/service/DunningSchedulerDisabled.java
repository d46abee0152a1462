package io.agiledunning.cases.dunning.service;

import io.agiledunning.cases.dunning.config.DunningConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Tests and the benchmark run the engine explicitly ({@link DunningEngine#runOnce}). */
@Singleton
public class DunningSchedulerDisabled implements Scheduled.SkipPredicate {

    private final DunningConfig config;

    public DunningSchedulerDisabled(DunningConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.schedulerEnabled();
    }
}

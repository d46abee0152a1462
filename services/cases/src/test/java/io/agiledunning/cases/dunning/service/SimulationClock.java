package io.agiledunning.cases.dunning.service;

import io.agiledunning.common.time.AdjustableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * The application clock of this module's tests: system time until a test sets it (the dunning simulations), and
 * system time again after {@link AdjustableClock#release()}. Replaces the default {@code ClockProducer} bean.
 */
@Singleton
public class SimulationClock {

    public static final AdjustableClock CLOCK = new AdjustableClock(Clock.systemUTC());

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}

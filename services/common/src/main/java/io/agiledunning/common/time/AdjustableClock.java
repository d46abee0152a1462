package io.agiledunning.common.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that follows the system clock until it is set, then stands still at the set instant and moves only
 * when told ({@link #advance}). Simulations and scenario tests produce it as the application's {@link Clock}
 * and run months of dunning in seconds; {@link #release()} returns it to system time.
 */
public final class AdjustableClock extends Clock {

    private final Clock system;
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public AdjustableClock(Clock system) {
        this.system = system;
    }

    public void set(Instant instant) {
        fixed.set(instant);
    }

    /** @throws IllegalStateException if the clock follows system time (set it first) */
    public Instant advance(Duration by) {
        return fixed.updateAndGet(current -> {
            if (current == null) {
                throw new IllegalStateException("set the clock before advancing it");
            }
            return current.plus(by);
        });
    }

    public void release() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at != null ? at : system.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application clock is UTC; convert instants where a zone matters");
    }
}

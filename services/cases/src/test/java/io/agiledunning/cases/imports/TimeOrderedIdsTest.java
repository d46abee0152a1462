package io.agiledunning.cases.imports;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeOrderedIdsTest {

    private static final Instant NOW = Instant.parse("2026-12-05T01:00:00.123Z");

    @Test
    void idsAreVersion7WithTheClocksMillisecondsAndTheRfcVariant() {
        UUID id = new TimeOrderedIds(Clock.fixed(NOW, ZoneOffset.UTC)).next();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(NOW.toEpochMilli(), id.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsIncreaseAsTheyAreMadeAlsoWithinOneMillisecondAndWhenTheClockStepsBack() {
        MovableClock clock = new MovableClock();
        TimeOrderedIds ids = new TimeOrderedIds(clock);
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // beyond 4096 in one millisecond: borrows the next ones
            made.add(ids.next());
        }
        clock.now = NOW.minusSeconds(1);
        made.add(ids.next());
        clock.now = NOW.plus(Duration.ofSeconds(1));
        made.add(ids.next());
        for (int i = 1; i < made.size(); i++) {
            assertTrue(compareAsPostgresDoes(made.get(i - 1), made.get(i)) < 0, "id " + i + " sorts after id " + (i - 1));
        }
        assertEquals(made.size(), new HashSet<>(made).size());
        assertEquals(NOW.plusSeconds(1).toEpochMilli(), made.getLast().getMostSignificantBits() >>> 16);
    }

    /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} compares signed longs. */
    private static int compareAsPostgresDoes(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    private static final class MovableClock extends Clock {
        Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}

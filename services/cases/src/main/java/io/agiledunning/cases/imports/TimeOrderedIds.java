package io.agiledunning.cases.imports;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUID version 7 (RFC 9562) from the clock, increasing in the order they are made, as PostgreSQL 18's {@code uuidv7()}:
 * the import's new debtors and cases get them so their primary-key and reference indexes grow at the right edge
 * instead of touching a random page per row. Unix milliseconds, then a 12-bit counter within the millisecond (more
 * than 4096 ids in one millisecond borrow the next one), then 62 random bits.
 */
final class TimeOrderedIds {

    private static final int MAX_COUNTER = 0xFFF;

    private final Clock clock;
    private long lastMillis = -1;
    private int counter;

    TimeOrderedIds(Clock clock) {
        this.clock = clock;
    }

    synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            counter = 0;
        } else if (counter < MAX_COUNTER) {
            millis = lastMillis;
            counter++;
        } else {
            millis = lastMillis + 1;
            counter = 0;
        }
        lastMillis = millis;
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000 | counter;
        long low = ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}

package io.agiledunning.testsupport;

import java.time.Duration;
import java.time.Instant;

/** Waits for something asynchronous (a consumer, a relay) to have happened, failing with the last reason if it does not. */
public final class Eventually {

    /** An assertion that may throw until the awaited thing happened. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    private Eventually() {
    }

    /** Runs {@code check} every 200 ms until it passes; after {@code timeout} its last failure is thrown. */
    public static void within(Duration timeout, Check check) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                check.run();
                return;
            } catch (Exception | AssertionError failure) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("not so after " + timeout + ": " + failure.getMessage(), failure);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting", e);
            }
        }
    }
}

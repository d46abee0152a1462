package io.agiledunning.common.errors;

import java.time.Duration;

/** Too many calls of one kind from one client address or for one e-mail domain; the caller may retry after {@link #retryAfter()}. */
public class RateLimitedException extends ApiException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up and at least 1: what the {@code Retry-After} header and GraphQL extension carry. */
    public long retryAfterSeconds() {
        return wholeSeconds(retryAfter);
    }

    public static long wholeSeconds(Duration duration) {
        return Math.max(1, duration.plusMillis(999).toSeconds());
    }
}

package io.agiledunning.common.errors;

/**
 * The error codes clients see, in REST bodies and in GraphQL {@code extensions.code}. Internal exception
 * messages never reach a client; these codes and our own messages do.
 */
public enum ErrorCode {
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    VALIDATION(400),
    CONFLICT(409),
    /** Too many calls; the answer says when to retry (REST: {@code Retry-After}, GraphQL: {@code retryAfterSeconds}). */
    RATE_LIMITED(429),
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static ErrorCode fromHttpStatus(int status) {
        for (ErrorCode code : values()) {
            if (code.httpStatus == status) {
                return code;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}

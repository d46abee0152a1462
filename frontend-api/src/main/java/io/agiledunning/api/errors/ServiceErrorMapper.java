package io.agiledunning.api.errors;

import io.agiledunning.common.errors.RateLimitedException;

import io.agiledunning.common.errors.ApiError;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.time.Duration;
import java.util.List;

/**
 * Reads a service's {@link ApiError} body back into an {@link ApiException}, so a NOT_FOUND or
 * VALIDATION from the cases service reaches the GraphQL client with the same code and message.
 * Registered on every service client with {@code @RegisterProvider}.
 */
public class ServiceErrorMapper implements ResponseExceptionMapper<ApiException> {

    @Override
    public ApiException toThrowable(Response response) {
        if (MediaType.APPLICATION_JSON_TYPE.isCompatible(response.getMediaType())) {
            try {
                ApiError error = response.readEntity(ApiError.class);
                if (error != null && error.code() == ErrorCode.RATE_LIMITED) {
                    return new RateLimitedException(error.message(), Duration.ofSeconds(retryAfter(response)));
                }
                if (error != null && error.code() != null) {
                    return new ApiException(error.code(), error.message(), error.fields());
                }
            } catch (RuntimeException unreadable) {
                // fall through to the status
            }
        }
        ErrorCode code = response.getStatus() >= 500 ? ErrorCode.UNAVAILABLE : ErrorCode.fromHttpStatus(response.getStatus());
        return new ApiException(code, "service answered HTTP " + response.getStatus(), List.of());
    }

    private static long retryAfter(Response response) {
        try {
            return Long.parseLong(response.getHeaderString("Retry-After"));
        } catch (NumberFormatException | NullPointerException e) {
            return 60;
        }
    }
}

package io.agiledunning.api.imports;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Every call to the cases service's imports goes through here, each with its own circuit breaker. Reads get
 * 3 s and two retries. Uploads and error reports stream as long as they take (bounded by the client's read
 * timeout) and are never retried: the body is consumed by the first attempt.
 */
@ApplicationScoped
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = ApiException.class)
public class ImportsGateway {

    private final ImportsClient client;

    public ImportsGateway(@RestClient ImportsClient client) {
        this.client = client;
    }

    public ImportJobDto upload(InputStream body, String contentType, String correlationId) {
        return unavailableWhenUnreachable(() -> client.upload(body, contentType, correlationId));
    }

    public Response errors(UUID id) {
        return unavailableWhenUnreachable(() -> client.errors(id));
    }

    /** A service that cannot be reached is UNAVAILABLE for REST callers too, as GraphQLErrors says it to GraphQL ones. */
    private static <T> T unavailableWhenUnreachable(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (CircuitBreakerOpenException e) {
            throw unavailable();
        } catch (jakarta.ws.rs.ProcessingException e) {
            if (e.getCause() instanceof java.net.ConnectException) {
                throw unavailable();
            }
            throw e;
        }
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.UNAVAILABLE, "a service is temporarily unavailable; please retry");
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<ImportJobDto> get(UUID id) {
        return client.get(id);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<Page<ImportJobDto>> list(int first, String after) {
        return client.list(first, after);
    }
}

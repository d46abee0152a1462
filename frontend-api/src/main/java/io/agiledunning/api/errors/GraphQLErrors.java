package io.agiledunning.api.errors;

import io.agiledunning.common.errors.RateLimitedException;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.smallrye.faulttolerance.api.RateLimitException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.util.UUID;

/** Turns whatever a resolver failed with into what a client may see. */
public final class GraphQLErrors {

    private static final Logger LOG = Logger.getLogger(GraphQLErrors.class);

    private GraphQLErrors() {
    }

    public static Throwable toClientError(Throwable failure) {
        return switch (failure) {
            case GraphQLApiException alreadyMapped -> alreadyMapped;
            case RateLimitedException limited -> GraphQLApiException.rateLimited(limited);
            case ApiException api -> new GraphQLApiException(api.code(), api.getMessage(), api.fields());
            case TimeoutException e -> unavailable(e);
            case CircuitBreakerOpenException e -> unavailable(e);
            case RateLimitException e -> unavailable(e);
            case ConnectException e -> unavailable(e);
            default -> {
                if (failure.getCause() instanceof ConnectException connect) {
                    yield unavailable(connect);
                }
                if (failure.getCause() instanceof ApiException refusedOnTheWay) {
                    yield toClientError(refusedOnTheWay); // e.g. by a REST client filter (tenant suspended)
                }
                String incident = UUID.randomUUID().toString();
                LOG.errorf(failure, "Unexpected failure in a GraphQL resolver, incident %s", incident);
                yield new GraphQLApiException(ErrorCode.INTERNAL, "internal error, incident " + incident);
            }
        };
    }

    private static GraphQLApiException unavailable(Throwable cause) {
        LOG.warnf("A service behind the API is unavailable: %s", cause.toString());
        return new GraphQLApiException(ErrorCode.UNAVAILABLE, "a service is temporarily unavailable; please retry");
    }
}

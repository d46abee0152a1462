package io.agiledunning.api.payments;

import io.agiledunning.api.payments.StripeConnectTypes.StartStripeOnboardingPayload;
import io.agiledunning.api.payments.StripeConnectTypes.StripeConnection;
import io.agiledunning.common.errors.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;

/**
 * Every call to the payments service's Stripe Connect API goes through here, each method with its own
 * circuit breaker. Errors the service reported ({@code ApiException}) are answers: they neither trip the
 * breaker nor get retried.
 */
@ApplicationScoped
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = ApiException.class)
public class StripeConnectGateway {

    private final StripeConnectClient client;

    public StripeConnectGateway(@RestClient StripeConnectClient client) {
        this.client = client;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<StripeConnection> connection() {
        return client.connection();
    }

    /**
     * Payments calls Stripe twice (account once, then a link). Not retried here: the admin clicks again, which
     * is safe (the account is created once) and yields a fresh link.
     */
    @Timeout(value = 25, unit = ChronoUnit.SECONDS)
    public Uni<StartStripeOnboardingPayload> startOnboarding(String correlationId) {
        return client.startOnboarding(correlationId);
    }
}

package io.agiledunning.api.payments;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.payments.StripeConnectTypes.StartStripeOnboardingPayload;
import io.agiledunning.api.payments.StripeConnectTypes.StripeConnection;
import io.agiledunning.api.security.PropagateCallerToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The payments service's Stripe Connect API (docs/payments.md), called with the caller's own access token. */
@Path("/api/stripe/connection")
@RegisterRestClient(configKey = "payments")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface StripeConnectClient {

    @GET
    Uni<StripeConnection> connection();

    @POST
    @Path("/onboarding")
    Uni<StartStripeOnboardingPayload> startOnboarding(@HeaderParam("X-Correlation-Id") String correlationId);
}

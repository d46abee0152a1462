package io.agiledunning.api.cases;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.security.PropagateCallerToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.UUID;

/** The handover of cases to the collection agency (docs/dunning.md "Handover"), called with the caller's own token. */
@Path("/api")
@RegisterRestClient(configKey = "cases")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface HandoverClient {

    record DeliveryDto(String channel, String target, int attempts, Instant deliveredAt, Instant nextAttemptAt, String lastError) {
    }

    record WebhookSecretDto(String secret, Instant createdAt) {
    }

    @GET
    @Path("/cases/{id}/handover/delivery")
    Uni<DeliveryDto> delivery(@PathParam("id") UUID caseId);

    @POST
    @Path("/handover/webhook-secret")
    Uni<WebhookSecretDto> rotateWebhookSecret();
}

package io.agiledunning.cases.api;

import io.agiledunning.cases.handover.HandoverWebhookSecrets;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The key the tenant's handover webhooks are signed with (docs/dunning.md, "Handover"). Each call replaces it; the
 * secret is in this answer only, for the tenant admin to pass to the agency.
 */
@Path("/api/handover/webhook-secret")
public class HandoverWebhookSecretResource {

    private final HandoverWebhookSecrets secrets;
    private final CurrentTenant currentTenant;

    public HandoverWebhookSecretResource(HandoverWebhookSecrets secrets, CurrentTenant currentTenant) {
        this.secrets = secrets;
        this.currentTenant = currentTenant;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<HandoverWebhookSecrets.Created> rotate() {
        return secrets.rotate(currentTenant.require().tenantId());
    }
}

package io.agiledunning.payments.api;

import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.payments.connect.StripeConnect;
import io.agiledunning.payments.connect.StripeConnection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** The caller's tenant's Stripe connection (docs/payments.md). No account id is ever taken from a request. */
@Path("/api/stripe/connection")
public class StripeConnectionResource {

    private final StripeConnect connect;
    private final CurrentTenant currentTenant;

    public StripeConnectionResource(StripeConnect connect, CurrentTenant currentTenant) {
        this.connect = connect;
        this.currentTenant = currentTenant;
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<StripeConnection> get() {
        return connect.connection(currentTenant.require());
    }

    /** Creates the tenant's connected account on the first call, and a fresh single-use onboarding link on each. */
    @POST
    @Path("/onboarding")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<StripeConnect.Onboarding> startOnboarding(@HeaderParam("X-Correlation-Id") String correlationId) {
        return connect.startOnboarding(currentTenant.require(), correlationId);
    }
}

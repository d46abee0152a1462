package io.agiledunning.cases.api;

import io.agiledunning.cases.service.ClaimPlacementService;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.UUID;

@Path("/api/debtors")
public class DebtorResource {

    private final ClaimPlacementService placements;
    private final CurrentTenant currentTenant;

    public DebtorResource(ClaimPlacementService placements, CurrentTenant currentTenant) {
        this.placements = placements;
        this.currentTenant = currentTenant;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<DebtorView> get(@PathParam("id") UUID id) {
        return placements.debtor(currentTenant.require(), id).map(DebtorView::of);
    }
}

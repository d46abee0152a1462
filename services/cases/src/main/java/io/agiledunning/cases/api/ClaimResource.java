package io.agiledunning.cases.api;

import io.agiledunning.cases.placement.PlaceClaim;
import io.agiledunning.cases.placement.PlacementOutcome;
import io.agiledunning.cases.service.ClaimPlacementService;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

@Path("/api/claims")
public class ClaimResource {

    private final ClaimPlacementService placements;
    private final CurrentTenant currentTenant;

    public ClaimResource(ClaimPlacementService placements, CurrentTenant currentTenant) {
        this.placements = placements;
        this.currentTenant = currentTenant;
    }

    /**
     * Places a claim, idempotent on the external references: 201 when it was CREATED, 200 when UPDATED or
     * UNCHANGED; the body says which.
     */
    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<Response> place(PlaceClaim request, @HeaderParam("X-Correlation-Id") String correlationId) {
        return Uni.createFrom().deferred(() -> placements.place(currentTenant.require(), request, correlationId))
                .map(result -> (result.outcome() == PlacementOutcome.CREATED
                        ? Response.created(URI.create("/api/cases/" + result.placedCase().id()))
                        : Response.ok())
                        .entity(PlaceClaimResponse.of(result)).build());
    }
}

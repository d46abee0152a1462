package io.agiledunning.cases.api;

import io.agiledunning.cases.placement.PlaceClaim;
import io.agiledunning.cases.placement.PlacementOutcome;
import io.agiledunning.cases.service.ClaimChangeService;
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
    private final ClaimChangeService changes;
    private final CurrentTenant currentTenant;

    public ClaimResource(ClaimPlacementService placements, ClaimChangeService changes, CurrentTenant currentTenant) {
        this.placements = placements;
        this.changes = changes;
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

    /** Changes a placed claim found by {@code claim.externalReference}: UPDATED (naming the changed fields) or UNCHANGED. */
    @POST
    @Path("/updates")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<ClaimChangeResponse> update(ClaimChangeRequests.Update request, @HeaderParam("X-Correlation-Id") String correlationId) {
        return Uni.createFrom().deferred(() -> changes.update(currentTenant.require(), request == null ? null : request.claim(),
                        correlationId))
                .map(ClaimChangeResponse::of);
    }

    /** Withdraws a placed claim: WITHDRAWN (the case CLOSED if it was its last claim) or UNCHANGED when withdrawn already. */
    @POST
    @Path("/withdrawals")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<ClaimChangeResponse> withdraw(ClaimChangeRequests.Withdrawal request,
                                             @HeaderParam("X-Correlation-Id") String correlationId) {
        return Uni.createFrom().deferred(() -> changes.withdraw(currentTenant.require(),
                        request == null ? null : request.externalReference(), request == null ? null : request.reason(), correlationId))
                .map(ClaimChangeResponse::of);
    }
}

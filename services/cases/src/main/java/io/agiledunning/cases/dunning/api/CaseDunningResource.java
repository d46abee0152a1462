package io.agiledunning.cases.dunning.api;

import io.agiledunning.cases.dunning.service.CasePlan;
import io.agiledunning.cases.dunning.service.DunningEngine;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.Optional;
import java.util.UUID;

/**
 * A case's dunning: its strategy, planned next action, last decision reasons and a preview (docs/api.md, "Dunning") —
 * also of another strategy version, a draft too ({@code strategyId}), before the tenant publishes or migrates.
 */
@Path("/api/cases/{id}/dunning")
public class CaseDunningResource {

    private final DunningEngine engine;
    private final CurrentTenant currentTenant;

    public CaseDunningResource(DunningEngine engine, CurrentTenant currentTenant) {
        this.engine = engine;
        this.currentTenant = currentTenant;
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<CasePlan> plan(@PathParam("id") UUID id, @QueryParam("next") @DefaultValue("5") int count,
                              @QueryParam("strategyId") UUID strategyId) {
        if (count < 1 || count > 20) {
            return Uni.createFrom().failure(ApiException.invalid("next", "must be between 1 and 20, got " + count));
        }
        return engine.plan(currentTenant.require(), id, count, Optional.ofNullable(strategyId));
    }
}

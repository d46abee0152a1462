package io.agiledunning.cases.dunning.api;

import io.agiledunning.cases.dunning.segment.Segment;
import io.agiledunning.cases.dunning.service.StrategyCatalog;
import io.agiledunning.cases.dunning.service.StrategyService;
import io.agiledunning.cases.dunning.strategy.Strategy;
import io.agiledunning.cases.dunning.strategy.StrategyValidation;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Strategies and segments over REST (docs/api.md, "Dunning"). */
@Path("/api")
public class StrategyResource {

    private final StrategyService strategies;
    private final CurrentTenant currentTenant;

    public StrategyResource(StrategyService strategies, CurrentTenant currentTenant) {
        this.strategies = strategies;
        this.currentTenant = currentTenant;
    }

    @POST
    @Path("/strategies")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Response> createDraft(@NotNull Strategy strategy) {
        return strategies.createDraft(currentTenant.require(), strategy)
                .map(v -> Response.created(URI.create("/api/strategies/" + v.id())).entity(StrategyView.of(v)).build());
    }

    /** Checks a definition without storing it. */
    @POST
    @Path("/strategies/validate")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public List<FieldError> validate(@NotNull Strategy strategy) {
        return StrategyValidation.problems(strategy);
    }

    @GET
    @Path("/strategies")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<List<StrategyView>> list() {
        return strategies.list(currentTenant.require()).map(all -> all.stream().map(StrategyView::of).toList());
    }

    /** The built-in default every case without a segment runs. */
    @GET
    @Path("/strategies/default")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Strategy builtInDefault() {
        return StrategyCatalog.BUILT_IN;
    }

    @GET
    @Path("/strategies/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<StrategyView> get(@PathParam("id") UUID id) {
        return strategies.get(currentTenant.require(), id).map(StrategyView::of);
    }

    @PUT
    @Path("/strategies/{id}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<StrategyView> revise(@PathParam("id") UUID id, @NotNull Strategy strategy) {
        return strategies.revise(currentTenant.require(), id, strategy).map(StrategyView::of);
    }

    @POST
    @Path("/strategies/{id}/publish")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<StrategyView> publish(@PathParam("id") UUID id) {
        return strategies.publish(currentTenant.require(), id).map(StrategyView::of);
    }

    @POST
    @Path("/strategies/{id}/archive")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<StrategyView> archive(@PathParam("id") UUID id) {
        return strategies.archive(currentTenant.require(), id).map(StrategyView::of);
    }

    @PUT
    @Path("/segments/{key}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<Segment> saveSegment(@PathParam("key") String key, @NotNull SegmentRequest request) {
        return Uni.createFrom().item(() -> request.toSegment(key))
                .chain(segment -> strategies.saveSegment(currentTenant.require(), segment));
    }

    @GET
    @Path("/segments")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<List<Segment>> segments() {
        return strategies.segments(currentTenant.require());
    }
}

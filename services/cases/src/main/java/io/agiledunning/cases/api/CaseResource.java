package io.agiledunning.cases.api;

import io.agiledunning.cases.service.CaseService;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

@Path("/api/cases")
public class CaseResource {

    private final CaseService cases;
    private final CurrentTenant currentTenant;

    public CaseResource(CaseService cases, CurrentTenant currentTenant) {
        this.cases = cases;
        this.currentTenant = currentTenant;
    }

    @POST
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<Response> open(@Valid @NotNull OpenCaseRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        return cases.open(currentTenant.require(), request.externalReference(), request.debtorName(), request.amount(), correlationId)
                .map(c -> Response.created(URI.create("/api/cases/" + c.id())).entity(CaseView.of(c)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<CaseView> get(@PathParam("id") UUID id) {
        return cases.get(currentTenant.require(), id).map(CaseView::of);
    }

    @GET
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<Page<CaseView>> list(@QueryParam("first") @DefaultValue("20") int first, @QueryParam("after") String after) {
        return cases.list(currentTenant.require(), PageRequest.of(first, after)).map(page -> page.map(CaseView::of));
    }
}

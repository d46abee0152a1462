package io.agiledunning.cases.api;

import io.agiledunning.cases.service.CaseQueryService;
import io.agiledunning.cases.service.ClaimPlacementService;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.UUID;

@Path("/api/debtors")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
public class DebtorResource {

    private final ClaimPlacementService placements;
    private final CaseQueryService queries;
    private final CurrentTenant currentTenant;

    public DebtorResource(ClaimPlacementService placements, CaseQueryService queries, CurrentTenant currentTenant) {
        this.placements = placements;
        this.queries = queries;
        this.currentTenant = currentTenant;
    }

    /** The tenant's debtors, oldest first; {@code q}: a prefix of a name word or of a reference or invoice number. */
    @GET
    public Uni<Page<DebtorView>> list(@QueryParam("q") String text, @QueryParam("persona") String persona,
                                      @QueryParam("first") @DefaultValue("20") int first, @QueryParam("after") String after) {
        return Uni.createFrom().item(() -> PageRequest.of(first, after))
                .chain(request -> queries.debtors(currentTenant.require(), text, persona, request))
                .map(page -> page.map(DebtorView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<DebtorView> get(@PathParam("id") UUID id) {
        return placements.debtor(currentTenant.require(), id).map(DebtorView::of);
    }

    /** The debtor's cases, oldest first. */
    @GET
    @Path("/{id}/cases")
    public Uni<List<CaseView>> cases(@PathParam("id") UUID id) {
        return queries.casesOfDebtor(currentTenant.require(), id).map(found -> found.stream().map(CaseView::of).toList());
    }

    /** The debtor's claims, withdrawn ones included, oldest first. */
    @GET
    @Path("/{id}/claims")
    public Uni<List<ClaimView>> claims(@PathParam("id") UUID id) {
        return queries.claimsOfDebtor(currentTenant.require(), id).map(found -> found.stream().map(ClaimView::of).toList());
    }
}

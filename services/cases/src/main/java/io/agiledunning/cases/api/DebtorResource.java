package io.agiledunning.cases.api;

import io.agiledunning.cases.service.CaseQueryService;
import io.agiledunning.cases.service.ClaimPlacementService;
import io.agiledunning.cases.service.DebtorAttributeChanges;
import io.agiledunning.cases.service.DebtorDataExport;
import io.agiledunning.cases.service.DebtorDataProtection;
import io.agiledunning.cases.service.DebtorPreferences;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/debtors")
@RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
public class DebtorResource {

    /** The whole set of channels (EMAIL, SMS, LETTER) the debtor opted out of; empty lifts every opt-out. */
    public record OptOutsRequest(@NotNull List<@NotNull String> channels, @Size(max = 500) String reason) {
    }

    /** The debtor's own attributes, the whole set (docs/api.md): they replace the kept ones; empty clears them. */
    public record AttributesRequest(@NotNull Map<String, String> attributes) {
    }

    /** Every consent the debtor gave, by channel (EMAIL, SMS, LETTER, PHONE); a channel left out is withdrawn. */
    public record ConsentsRequest(@NotNull List<DebtorPreferences.ConsentInput> consents) {
    }

    /** {@code restricted}: restrict the processing of the debtor's data (Art. 18 GDPR), or lift the restriction. */
    public record RestrictionRequest(boolean restricted, String reason) {
    }

    /** Why the debtor's data is erased (Art. 17 GDPR), e.g. whose request; kept on the timeline, so no personal data. */
    public record ErasureRequest(String reason) {
    }

    private final ClaimPlacementService placements;
    private final CaseQueryService queries;
    private final DebtorPreferences preferences;
    private final DebtorAttributeChanges attributeChanges;
    private final DebtorDataExport exports;
    private final DebtorDataProtection protection;
    private final CurrentTenant currentTenant;
    private final ObjectMapper json;

    public DebtorResource(ClaimPlacementService placements, CaseQueryService queries, DebtorPreferences preferences,
                          DebtorAttributeChanges attributeChanges, DebtorDataExport exports, DebtorDataProtection protection,
                          CurrentTenant currentTenant, ObjectMapper json) {
        this.placements = placements;
        this.queries = queries;
        this.preferences = preferences;
        this.attributeChanges = attributeChanges;
        this.exports = exports;
        this.protection = protection;
        this.currentTenant = currentTenant;
        this.json = json;
    }

    /** Everything the cases service holds about the debtor, as one JSON document (Art. 15, 20 GDPR). */
    @GET
    @Path("/{id}/export")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<DebtorExportView> export(@PathParam("id") UUID id) {
        return exports.export(currentTenant.require(), id).map(data -> DebtorExportView.of(data, json));
    }

    /** Restricts the processing of the debtor's data or lifts the restriction (docs/cases.md, "Data protection"). */
    @PUT
    @Path("/{id}/restriction")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<DebtorView> restriction(@PathParam("id") UUID id, @NotNull RestrictionRequest request,
                                       @HeaderParam("X-Correlation-Id") String correlationId) {
        return protection.restrict(currentTenant.require(), id, request.restricted(), request.reason(), correlationId)
                .map(DebtorView::of);
    }

    /** Erases the debtor's personal data, keeping what retention duties cover, pseudonymized. */
    @POST
    @Path("/{id}/erasure")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<DebtorDataProtection.Erasure> erasure(@PathParam("id") UUID id, @NotNull ErasureRequest request,
                                                      @HeaderParam("X-Correlation-Id") String correlationId) {
        return protection.erase(currentTenant.require(), id, request.reason(), correlationId);
    }

    @GET
    @Path("/{id}/consents")
    public Uni<List<DebtorExportView.ConsentView>> consents(@PathParam("id") UUID id) {
        return preferences.consents(currentTenant.require(), id)
                .map(found -> found.stream().map(DebtorExportView.ConsentView::of).toList());
    }

    /** Replaces the debtor's consents (docs/cases.md, "Consents"). */
    @PUT
    @Path("/{id}/consents")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<List<DebtorExportView.ConsentView>> setConsents(@PathParam("id") UUID id, @NotNull ConsentsRequest request,
                                                               @HeaderParam("X-Correlation-Id") String correlationId) {
        return preferences.setConsents(currentTenant.require(), id, request.consents(), correlationId)
                .map(found -> found.stream().map(DebtorExportView.ConsentView::of).toList());
    }

    /** Records the channels the debtor does not want to be contacted on (docs/dunning.md, "Guardrails"). */
    @PUT
    @Path("/{id}/opt-outs")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<DebtorView> optOuts(@PathParam("id") UUID id, @NotNull OptOutsRequest request,
                                   @HeaderParam("X-Correlation-Id") String correlationId) {
        return preferences.optOut(currentTenant.require(), id, request.channels(), request.reason(), correlationId)
                .map(DebtorView::of);
    }

    /** Sets the debtor's own attributes that dunning segments match (docs/dunning.md, "Segments"). */
    @PUT
    @Path("/{id}/attributes")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<DebtorView> attributes(@PathParam("id") UUID id, @NotNull AttributesRequest request,
                                      @HeaderParam("X-Correlation-Id") String correlationId) {
        return attributeChanges.replace(currentTenant.require(), id, request.attributes(), correlationId).map(DebtorView::of);
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

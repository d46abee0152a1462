package io.agiledunning.cases.api;

import io.agiledunning.cases.handover.HandoverDelivery;
import io.agiledunning.cases.handover.HandoverPackage;
import io.agiledunning.cases.handover.HandoverPackages;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

/**
 * The package a case was handed over with (docs/dunning.md, "Handover"): downloaded by the tenant (or its agency's
 * machine client) as JSON or CSV, or delivered to the agency's drop folder or webhook; the agency's status reports
 * are posted back here.
 */
@Path("/api/cases/{id}/handover")
public class HandoverResource {

    public record StatusReport(@NotNull String status, @Size(max = 100) String agencyReference, @Size(max = 2000) String note) {
    }

    private final HandoverPackages packages;
    private final HandoverDelivery delivery;
    private final CurrentTenant currentTenant;

    public HandoverResource(HandoverPackages packages, HandoverDelivery delivery, CurrentTenant currentTenant) {
        this.packages = packages;
        this.delivery = delivery;
        this.currentTenant = currentTenant;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<HandoverPackage> json(@PathParam("id") UUID caseId) {
        return packages.get(currentTenant.require(), caseId);
    }

    @GET
    @Path("/csv")
    @Produces("text/csv")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<Response> csv(@PathParam("id") UUID caseId) {
        return packages.csv(currentTenant.require(), caseId).map(csv -> Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"handover-" + caseId + ".csv\"").build());
    }

    /** How the package travels to the agency (drop folder or webhook): attempts, delivered when, the last error. */
    @GET
    @Path("/delivery")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<HandoverDelivery.Status> delivery(@PathParam("id") UUID caseId) {
        return delivery.status(currentTenant.require().tenantId(), caseId)
                .map(status -> status.orElseThrow(() -> ApiException.notFound("handover delivery of case", caseId)));
    }

    /** The agency's status: RECEIVED, ACCEPTED, REJECTED, IN_PROGRESS, PAID, SETTLED or CLOSED_UNSUCCESSFUL. */
    @POST
    @Path("/status")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Uni<HandoverPackage> report(@PathParam("id") UUID caseId, @NotNull StatusReport report,
                                       @HeaderParam("X-Correlation-Id") String correlationId) {
        return packages.report(currentTenant.require(), caseId, report.status(), report.agencyReference(), report.note(),
                correlationId);
    }
}

package io.agiledunning.onboarding.api;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.onboarding.admin.TenantAdministration;
import io.agiledunning.onboarding.signup.Tenant;
import io.agiledunning.onboarding.signup.TenantStatus;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Platform admins see and control every tenant; a tenant's own users only ask for their tenant's status. */
@Path("/api")
public class TenantAdminResource {

    public record TenantView(UUID tenantId, String slug, String legalName, String country, String status, Instant createdAt,
                             LocalDate offboardedOn) {
        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.organizationId().orElse(null), tenant.slug(), tenant.legalName(), tenant.country(),
                    tenant.status().name(), tenant.createdAt(), tenant.offboardedOn().orElse(null));
        }
    }

    public record TenantStatusView(UUID tenantId, String status) {
    }

    /** Why a platform admin suspends or offboards a tenant. */
    public record ReasonRequest(String reason) {
    }

    private final TenantAdministration administration;
    private final CurrentTenant currentTenant;
    private final JsonWebToken token;

    public TenantAdminResource(TenantAdministration administration, CurrentTenant currentTenant, JsonWebToken token) {
        this.administration = administration;
        this.currentTenant = currentTenant;
        this.token = token;
    }

    @GET
    @Path("/tenants")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<List<TenantView>> search(@QueryParam("search") String search, @QueryParam("status") String status) {
        return administration.search(search, status(status)).map(tenants -> tenants.stream().map(TenantView::of).toList());
    }

    @POST
    @Path("/tenants/{tenantId}/suspension")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<TenantView> suspend(@PathParam("tenantId") UUID tenantId, ReasonRequest request,
                                   @HeaderParam("X-Correlation-Id") String correlationId) {
        return administration.suspend(tenantId, reasonOf(request), token.getSubject(), correlationId).map(TenantView::of);
    }

    /** Final; the data services keep the tenant's data restricted and erase it when retention allows. */
    @POST
    @Path("/tenants/{tenantId}/offboarding")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<TenantView> offboard(@PathParam("tenantId") UUID tenantId, ReasonRequest request,
                                    @HeaderParam("X-Correlation-Id") String correlationId) {
        return administration.offboard(tenantId, reasonOf(request), token.getSubject(), correlationId).map(TenantView::of);
    }

    private static String reasonOf(ReasonRequest request) {
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw ApiException.invalid("reason", "must not be blank");
        }
        return request.reason().strip();
    }

    @DELETE
    @Path("/tenants/{tenantId}/suspension")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<TenantView> reactivate(@PathParam("tenantId") UUID tenantId, @HeaderParam("X-Correlation-Id") String correlationId) {
        return administration.reactivate(tenantId, token.getSubject(), correlationId).map(TenantView::of);
    }

    /** Asked by the API on every request of a tenant's user (cached there for at most a second). */
    @GET
    @Path("/tenant-status")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<TenantStatusView> status() {
        var tenant = currentTenant.require().tenantId();
        return administration.statusOf(tenant).map(status -> new TenantStatusView(tenant.value(), status.name()));
    }

    private static TenantStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return TenantStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("status", "must be one of SIGNING_UP, PENDING_VERIFICATION, ACTIVE, SUSPENDED, OFFBOARDED");
        }
    }
}

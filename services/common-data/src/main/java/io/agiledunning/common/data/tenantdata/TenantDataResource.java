package io.agiledunning.common.data.tenantdata;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.retention.RetentionSchedule;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.common.tenancy.TenantId;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Every service's part of a tenant's offboarding (docs/offboarding.md), for platform admins only: the tenant's data
 * as JSON Lines for the export archive, the offboarding day from which retention counts, and what is kept until when.
 */
@Path("/api/platform/tenant-data/{tenantId}")
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Blocking
public class TenantDataResource {

    public record OffboardingNotice(LocalDate offboardedOn) {
    }

    private final TenantDataExport export;
    private final TenantRetention retention;

    public TenantDataResource(TenantDataExport export, TenantRetention retention) {
        this.export = export;
        this.retention = retention;
    }

    @GET
    @Produces("application/x-ndjson")
    public Response export(@PathParam("tenantId") UUID tenantId) {
        StreamingOutput rows = out -> {
            try {
                export.write(new TenantId(tenantId), out);
            } catch (SQLException e) {
                throw new IllegalStateException("export of tenant %s failed: %s".formatted(tenantId, e.getMessage()), e);
            }
        };
        return Response.ok(rows, "application/x-ndjson; charset=UTF-8").build();
    }

    @PUT
    @Path("/offboarding")
    @Produces(MediaType.APPLICATION_JSON)
    public RetentionSchedule offboarded(@PathParam("tenantId") UUID tenantId, OffboardingNotice notice) throws SQLException {
        if (notice == null || notice.offboardedOn() == null) {
            throw ApiException.invalid("offboardedOn", "required: the day the tenant was offboarded (YYYY-MM-DD)");
        }
        return retention.record(new TenantId(tenantId), notice.offboardedOn());
    }

    @GET
    @Path("/retention")
    @Produces(MediaType.APPLICATION_JSON)
    public RetentionSchedule retention(@PathParam("tenantId") UUID tenantId) throws SQLException {
        return retention.schedule(new TenantId(tenantId)).orElseThrow(() -> ApiException.notFound("offboarded tenant", tenantId));
    }
}

package io.agiledunning.api.platform;

import io.agiledunning.common.retention.RetentionSchedule;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.util.UUID;

/** Every data service's part of an offboarding (services/common-data {@code TenantDataResource}); platform admins only. */
@Path("/api/platform/tenant-data/{tenantId}")
public interface TenantDataClient {

    record OffboardingNotice(LocalDate offboardedOn) {
    }

    /** The tenant's rows as JSON Lines, streamed. */
    @GET
    @Produces("application/x-ndjson")
    Response export(@PathParam("tenantId") UUID tenantId);

    @PUT
    @Path("/offboarding")
    Uni<RetentionSchedule> offboarded(@PathParam("tenantId") UUID tenantId, OffboardingNotice notice);

    @GET
    @Path("/retention")
    Uni<RetentionSchedule> retention(@PathParam("tenantId") UUID tenantId);
}

package io.agiledunning.cases.imports;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.paging.Page;
import io.agiledunning.common.paging.PageRequest;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/** Bulk placement of claims (docs/import.md). */
@Path("/api/imports")
public class ImportResource {

    private final ImportService imports;
    private final CurrentTenant currentTenant;
    private final Clock clock;

    public ImportResource(ImportService imports, CurrentTenant currentTenant, Clock clock) {
        this.imports = imports;
        this.currentTenant = currentTenant;
        this.clock = clock;
    }

    /**
     * Imports the request body (CSV or JSON Lines), streamed; answers when every row is read: 201 with the job
     * (COMPLETED, or FAILED when the file could not be read on). Meanwhile the job is listed (RUNNING, with its
     * progress) by {@code GET /api/imports}.
     */
    @POST
    @Consumes({"text/csv", "application/x-ndjson"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Response upload(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
                           @HeaderParam("X-Correlation-Id") String correlationId) {
        TenantContext caller = currentTenant.require();
        ImportFormat format = ImportFormat.ofContentType(contentType);
        ImportJob job = imports.runAndRead(caller, format, body, contentLength, correlationId);
        return Response.created(URI.create("/api/imports/" + job.id())).entity(ImportJobView.of(job, clock.instant())).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<ImportJobView> get(@PathParam("id") UUID id) {
        return imports.get(currentTenant.require(), id).map(job -> ImportJobView.of(job, clock.instant()));
    }

    /** Oldest first. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Uni<Page<ImportJobView>> list(@QueryParam("first") @DefaultValue("20") int first, @QueryParam("after") String after) {
        return imports.list(currentTenant.require(), PageRequest.of(first, after))
                .map(page -> page.map(job -> ImportJobView.of(job, clock.instant())));
    }

    /** Every rejected row: {@code row,field,reason} as CSV, by row. */
    @GET
    @Path("/{id}/errors")
    @Produces("text/csv")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Response errors(@PathParam("id") UUID id) {
        TenantContext caller = currentTenant.require();
        if (!imports.exists(caller.tenantId(), id)) {
            throw ApiException.notFound("import job", id);
        }
        StreamingOutput report = out -> {
            var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            imports.writeErrorReport(caller.tenantId(), id, writer);
            writer.flush();
        };
        return Response.ok(report, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }
}

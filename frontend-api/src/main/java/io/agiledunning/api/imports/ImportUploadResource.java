package io.agiledunning.api.imports;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.common.tenancy.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.InputStream;
import java.util.UUID;

/**
 * The public upload of bulk placements (files don't travel well through GraphQL): the body streams through to
 * the cases service with the caller's token, in constant memory; the error report streams back the same way.
 * The cases service checks roles and tenant itself; the checks here answer early.
 */
@Path("/api/imports")
public class ImportUploadResource {

    private final ImportsGateway imports;

    public ImportUploadResource(ImportsGateway imports) {
        this.imports = imports;
    }

    @POST
    @Consumes({"text/csv", "application/x-ndjson"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT})
    public Response upload(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                           @HeaderParam("X-Correlation-Id") String correlationId) {
        ImportJobDto job = imports.upload(body, contentType, correlationId);
        return Response.status(Response.Status.CREATED).entity(job).build(); // progress: GraphQL importJob(id)
    }

    @GET
    @Path("/{id}/errors")
    @Produces("text/csv")
    @RolesAllowed({Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER})
    public Response errors(@PathParam("id") UUID id) {
        Response report = imports.errors(id);
        if (report.getStatus() != Response.Status.OK.getStatusCode()) {
            throw new ServiceErrorMapper().toThrowable(report);
        }
        StreamingOutput body = out -> {
            try (InputStream in = report.readEntity(InputStream.class)) {
                in.transferTo(out);
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", report.getHeaderString("Content-Disposition")).build();
    }
}

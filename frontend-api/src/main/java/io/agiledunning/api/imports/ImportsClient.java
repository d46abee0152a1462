package io.agiledunning.api.imports;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.security.PropagateCallerToken;
import io.agiledunning.common.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.io.InputStream;
import java.util.UUID;

/**
 * The cases service's bulk import, called with the caller's own access token. Its own client configuration
 * ({@code cases-imports}): an upload runs as long as the file takes, far beyond the API's usual read timeout.
 */
@Path("/api/imports")
@RegisterRestClient(configKey = "cases-imports")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface ImportsClient {

    /** The body is streamed through, never buffered whole (blocking: called on a worker thread). */
    @POST
    ImportJobDto upload(InputStream body, @HeaderParam("Content-Type") String contentType,
                        @HeaderParam("X-Correlation-Id") String correlationId);

    @GET
    @Path("/{id}")
    Uni<ImportJobDto> get(@PathParam("id") UUID id);

    @GET
    Uni<Page<ImportJobDto>> list(@QueryParam("first") int first, @QueryParam("after") String after);

    /** The error report as the service streams it (blocking). */
    @GET
    @Path("/{id}/errors")
    Response errors(@PathParam("id") UUID id);
}

package io.agiledunning.api.cases;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.common.paging.Page;
import io.agiledunning.api.security.PropagateCallerToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/** The cases service's REST API, called with the caller's own access token. */
@Path("/api/cases")
@RegisterRestClient(configKey = "cases")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface CasesClient {

    @POST
    Uni<CaseDto> open(OpenCaseRequest request, @HeaderParam("X-Correlation-Id") String correlationId);

    @GET
    @Path("/{id}")
    Uni<CaseDto> get(@PathParam("id") UUID id);

    @GET
    Uni<Page<CaseDto>> list(@QueryParam("first") int first, @QueryParam("after") String after);

    @GET
    @Path("/search")
    Uni<Page<CaseSearchDtos.CaseListItem>> search(@QueryParam("status") List<String> status, @QueryParam("currency") String currency,
                                                 @QueryParam("minAmount") java.math.BigDecimal minAmount,
                                                 @QueryParam("maxAmount") java.math.BigDecimal maxAmount,
                                                 @QueryParam("minDaysPastDue") Integer minDaysPastDue,
                                                 @QueryParam("maxDaysPastDue") Integer maxDaysPastDue,
                                                 @QueryParam("segment") String segment, @QueryParam("persona") String persona,
                                                 @QueryParam("q") String q, @QueryParam("sort") String sort,
                                                 @QueryParam("direction") String direction, @QueryParam("first") int first,
                                                 @QueryParam("after") String after);

    @POST
    @Path("/{id}/commands")
    Uni<CaseDto> command(@PathParam("id") UUID id, CaseCommandBody command, @HeaderParam("X-Correlation-Id") String correlationId);

    @GET
    @Path("/{id}/timeline")
    Uni<List<TimelineEntryDto>> timeline(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/claims")
    Uni<List<ClaimDto>> claims(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/statement")
    Uni<CaseStatementDto> statement(@PathParam("id") UUID id, @QueryParam("asOf") String asOf);
}

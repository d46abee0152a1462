package io.agiledunning.api.cases;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.security.PropagateCallerToken;
import io.agiledunning.common.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The cases service's debtor reads, called with the caller's own access token. */
@Path("/api/debtors")
@RegisterRestClient(configKey = "cases")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface DebtorsClient {

    @GET
    Uni<Page<CaseSearchDtos.DebtorDto>> list(@QueryParam("q") String q, @QueryParam("persona") String persona,
                                            @QueryParam("first") int first, @QueryParam("after") String after);

    @GET
    @Path("/{id}")
    Uni<CaseSearchDtos.DebtorDto> get(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/cases")
    Uni<List<CaseDto>> cases(@PathParam("id") UUID id);

    @GET
    @Path("/{id}/claims")
    Uni<List<ClaimDto>> claims(@PathParam("id") UUID id);

    record OptOutsBody(List<String> channels, String reason) {
    }

    @PUT
    @Path("/{id}/opt-outs")
    Uni<CaseSearchDtos.DebtorDto> optOuts(@PathParam("id") UUID id, OptOutsBody body);

    record AttributesBody(Map<String, String> attributes) {
    }

    @PUT
    @Path("/{id}/attributes")
    Uni<CaseSearchDtos.DebtorDto> attributes(@PathParam("id") UUID id, AttributesBody body);

    record RestrictionBody(boolean restricted, String reason) {
    }

    record ErasureBody(String reason) {
    }

    record ConsentBody(String channel, String source, java.time.Instant givenAt) {
    }

    record ConsentsBody(List<ConsentBody> consents) {
    }

    /** The debtor's data export, the JSON document as the service writes it. */
    @GET
    @Path("/{id}/export")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> export(@PathParam("id") UUID id);

    @PUT
    @Path("/{id}/restriction")
    Uni<CaseSearchDtos.DebtorDto> restriction(@PathParam("id") UUID id, RestrictionBody body);

    @POST
    @Path("/{id}/erasure")
    Uni<CaseSearchDtos.ErasureDto> erasure(@PathParam("id") UUID id, ErasureBody body);

    @GET
    @Path("/{id}/consents")
    Uni<List<CaseSearchDtos.ConsentDto>> consents(@PathParam("id") UUID id);

    @PUT
    @Path("/{id}/consents")
    Uni<List<CaseSearchDtos.ConsentDto>> setConsents(@PathParam("id") UUID id, ConsentsBody body);
}

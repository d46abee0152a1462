package io.agiledunning.api.cases;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.security.PropagateCallerToken;
import io.agiledunning.common.paging.Page;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
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
}

package io.agiledunning.api.cases;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.security.PropagateCallerToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The cases service's claim placement, called with the caller's own access token. */
@Path("/api/claims")
@RegisterRestClient(configKey = "cases")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface ClaimsClient {

    @POST
    Uni<PlaceClaimResultDto> place(PlaceClaimBody body, @HeaderParam("X-Correlation-Id") String correlationId);

    @POST
    @Path("/updates")
    Uni<ClaimChangeResultDto> update(ClaimChangeResultDto.UpdateBody body, @HeaderParam("X-Correlation-Id") String correlationId);

    @POST
    @Path("/withdrawals")
    Uni<ClaimChangeResultDto> withdraw(ClaimChangeResultDto.WithdrawalBody body,
                                       @HeaderParam("X-Correlation-Id") String correlationId);
}

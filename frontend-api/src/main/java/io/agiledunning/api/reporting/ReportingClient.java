package io.agiledunning.api.reporting;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.common.money.Money;
import io.agiledunning.api.security.PropagateCallerToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

@Path("/api/reporting")
@RegisterRestClient(configKey = "reporting")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface ReportingClient {

    record CaseStatsDto(long casesOpened, Money amountPlaced) {
    }

    @GET
    @Path("/case-stats")
    Uni<List<CaseStatsDto>> caseStats();
}

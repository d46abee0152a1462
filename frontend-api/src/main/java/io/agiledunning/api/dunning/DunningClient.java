package io.agiledunning.api.dunning;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.security.PropagateCallerToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The cases service's dunning reads (docs/dunning.md), called with the caller's own access token. */
@Path("/api")
@RegisterRestClient(configKey = "cases")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface DunningClient {

    record PlannedActionDto(Instant at, String step, String channel, String template, String command, List<String> reasons) {
    }

    record CasePlanDto(UUID caseId, String strategyKey, int strategyVersion, boolean builtInStrategy, String segmentKey,
                       boolean controlGroup, Instant nextActionAt, Instant lastDecidedAt, List<String> lastReasons,
                       boolean lastBlocked, List<PlannedActionDto> next) {
    }

    /** A strategy version without its definition (steps), which stays a REST document. */
    record StrategyDto(UUID id, String key, int version, String status) {
    }

    @GET
    @Path("/cases/{id}/dunning")
    Uni<CasePlanDto> plan(@PathParam("id") UUID caseId, @QueryParam("next") int next);

    @GET
    @Path("/strategies")
    Uni<List<StrategyDto>> strategies();
}

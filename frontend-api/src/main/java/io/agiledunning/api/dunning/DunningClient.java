package io.agiledunning.api.dunning;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.security.PropagateCallerToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.money.Money;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The cases service's dunning API (docs/dunning.md), called with the caller's own access token. */
@Path("/api")
@RegisterRestClient(configKey = "cases")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface DunningClient {

    record PlannedActionDto(Instant at, String step, String channel, String template, Money fee, String command,
                            List<String> reasons) {
    }

    record CasePlanDto(UUID caseId, String strategyKey, int strategyVersion, boolean builtInStrategy, String segmentKey,
                       boolean controlGroup, Instant nextActionAt, Instant lastDecidedAt, List<String> lastReasons,
                       boolean lastBlocked, List<PlannedActionDto> next) {
    }

    /** A strategy version without its definition (steps), which stays a REST document. */
    record StrategyDto(UUID id, String key, int version, String status) {
    }

    /** A strategy version with its definition (the JSON document of docs/dunning.md) and what blocks publishing it. */
    record StrategyDetailDto(UUID id, String key, int version, String status, JsonNode definition, List<FieldError> problems,
                             Instant createdAt, Instant publishedAt, Instant archivedAt) {
    }

    record SegmentRuleDto(String debtorKind, BigDecimal minAmount, BigDecimal maxAmount, Integer minDaysPastDue,
                          Integer maxDaysPastDue, Set<String> germanStates, Map<String, String> attributes) {
    }

    record SegmentDto(String key, int priority, SegmentRuleDto rule, String strategyKey, BigDecimal controlShare,
                      String controlStrategyKey) {
    }

    record SegmentBody(Integer priority, SegmentRuleDto rule, String strategyKey, BigDecimal controlShare,
                       String controlStrategyKey) {
    }

    /** Local times as {@code HH:mm}. */
    record ContactPolicyDto(String earliest, String latest, int maxContacts, boolean sundaysAndHolidaysFree, int version,
                            String changedBy, Instant changedAt) {
    }

    record ContactPolicyBody(String earliest, String latest, Integer maxContacts) {
    }

    @GET
    @Path("/contact-policy")
    Uni<ContactPolicyDto> contactPolicy();

    @PUT
    @Path("/contact-policy")
    Uni<ContactPolicyDto> changeContactPolicy(ContactPolicyBody body);

    @GET
    @Path("/cases/{id}/dunning")
    Uni<CasePlanDto> plan(@PathParam("id") UUID caseId, @QueryParam("next") int next, @QueryParam("strategyId") UUID strategyId);

    @GET
    @Path("/strategies")
    Uni<List<StrategyDto>> strategies();

    @GET
    @Path("/strategies/{id}")
    Uni<StrategyDetailDto> strategy(@PathParam("id") UUID id);

    @GET
    @Path("/strategies/default")
    Uni<JsonNode> builtInStrategy();

    @POST
    @Path("/strategies")
    Uni<StrategyDetailDto> createDraft(JsonNode definition);

    @PUT
    @Path("/strategies/{id}")
    Uni<StrategyDetailDto> revise(@PathParam("id") UUID id, JsonNode definition);

    @POST
    @Path("/strategies/validate")
    Uni<List<FieldError>> validate(JsonNode definition);

    @POST
    @Path("/strategies/{id}/publish")
    Uni<StrategyDetailDto> publish(@PathParam("id") UUID id);

    @POST
    @Path("/strategies/{id}/archive")
    Uni<StrategyDetailDto> archive(@PathParam("id") UUID id);

    @GET
    @Path("/segments")
    Uni<List<SegmentDto>> segments();

    @PUT
    @Path("/segments/{key}")
    Uni<SegmentDto> saveSegment(@PathParam("key") String key, SegmentBody body);
}

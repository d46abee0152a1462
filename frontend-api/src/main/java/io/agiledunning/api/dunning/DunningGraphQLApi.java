package io.agiledunning.api.dunning;

import com.fasterxml.jackson.databind.JsonNode;
import io.agiledunning.api.cases.CaseTypes.MoneyAmount;
import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.errors.GraphQLIds;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Type;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.agiledunning.api.security.Caller.READERS;

/** What the dunning engine plans for a case, and the tenant's strategies (docs/dunning.md). */
@GraphQLApi
public class DunningGraphQLApi {

    @Type("CaseDunningPlan")
    @Description("The case's strategy (key, version; builtInStrategy for the platform's classic German default), its "
            + "segment and control-group membership, when the engine acts next, the reasons of its last decision "
            + "(lastBlocked when a guardrail held it back) and a preview of the next actions.")
    public record CaseDunningPlan(@NonNull @Id String caseId, String strategyKey, int strategyVersion, boolean builtInStrategy,
                                  String segmentKey, boolean controlGroup, Instant nextActionAt, Instant lastDecidedAt,
                                  @NonNull List<@NonNull String> lastReasons, boolean lastBlocked,
                                  @NonNull List<@NonNull PlannedAction> next) {
        static CaseDunningPlan of(DunningClient.CasePlanDto p) {
            return new CaseDunningPlan(p.caseId().toString(), p.strategyKey(), p.strategyVersion(), p.builtInStrategy(),
                    p.segmentKey(), p.controlGroup(), p.nextActionAt(), p.lastDecidedAt(), p.lastReasons(), p.lastBlocked(),
                    p.next().stream().map(PlannedAction::of).toList());
        }
    }

    @Type("PlannedAction")
    @Description("One planned action: a contact (step, channel, template, and the fee its letter would name — zero on "
            + "the case's first contact) or a lifecycle command (e.g. handover; no fee), when the guardrails allow it, "
            + "and why.")
    public record PlannedAction(@NonNull Instant at, String step, String channel, String template, MoneyAmount fee,
                                String command, @NonNull List<@NonNull String> reasons) {
        static PlannedAction of(DunningClient.PlannedActionDto a) {
            return new PlannedAction(a.at(), a.step(), a.channel(), a.template(), a.fee() == null ? null : MoneyAmount.of(a.fee()),
                    a.command(), a.reasons());
        }
    }

    @Type("DunningStrategy")
    @Description("A version of one of the tenant's strategies: DRAFT, PUBLISHED (immutable) or ARCHIVED.")
    public record DunningStrategy(@NonNull @Id String id, @NonNull String key, int version, @NonNull String status) {
        static DunningStrategy of(DunningClient.StrategyDto s) {
            return new DunningStrategy(s.id().toString(), s.key(), s.version(), s.status());
        }
    }

    private final DunningGateway dunning;
    private final Caller caller;

    public DunningGraphQLApi(DunningGateway dunning, Caller caller) {
        this.dunning = dunning;
        this.caller = caller;
    }

    @Query("caseDunning")
    @Description("The dunning plan of a case with a preview of its next actions (1–20, default 5). With strategyId: "
            + "what that strategy version (a draft too) would do to the case if it were moved to it now; the case is not "
            + "changed. Another tenant's case or strategy is NOT_FOUND.")
    public Uni<@NonNull CaseDunningPlan> caseDunning(@Name("caseId") @Id @NonNull String caseId,
                                                     @Name("next") @DefaultValue("5") int next,
                                                     @Name("strategyId") @Id String strategyId) {
        return caller.withAnyRole(() -> GraphQLIds.parse(caseId, "case")
                        .chain(id -> (strategyId == null ? Uni.createFrom().<UUID>nullItem() : GraphQLIds.parse(strategyId, "dunning strategy"))
                                .chain(strategy -> dunning.plan(id, next, strategy)))
                        .map(CaseDunningPlan::of), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Type("ContactPolicy")
    @Description("When the engine may contact the tenant's debtors: from earliest until before latest (HH:mm, the debtor's "
            + "local time), at most maxContacts in any 7 days; never on Sundays and public holidays. version 0: the German default.")
    public record ContactPolicyNode(@NonNull String earliest, @NonNull String latest, int maxContacts, boolean sundaysAndHolidaysFree,
                                    int version, String changedBy, String changedAt) {
        static ContactPolicyNode of(DunningClient.ContactPolicyDto dto) {
            return new ContactPolicyNode(dto.earliest(), dto.latest(), dto.maxContacts(), dto.sundaysAndHolidaysFree(), dto.version(),
                    dto.changedBy(), dto.changedAt() == null ? null : dto.changedAt().toString());
        }
    }

    @Input("ContactPolicyInput")
    @Description("Only narrower than the German default: earliest not before 08:00, latest not after 20:00, maxContacts 1–3.")
    public record ContactPolicyInput(@NonNull String earliest, @NonNull String latest, int maxContacts) {
    }

    @Query("contactPolicy")
    @Description("Your tenant's contact policy.")
    public Uni<@NonNull ContactPolicyNode> contactPolicy() {
        return caller.withAnyRole(() -> dunning.contactPolicy().map(ContactPolicyNode::of), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("changeContactPolicy")
    @Description("Tenant admins: narrows (or restores) the contact policy; VALIDATION names every field that would widen "
            + "the German default. Applies from the engine's next run.")
    public Uni<@NonNull ContactPolicyNode> changeContactPolicy(@Name("input") @NonNull ContactPolicyInput input) {
        return caller.withAnyRole(() -> dunning.changeContactPolicy(new DunningClient.ContactPolicyBody(input.earliest(), input.latest(),
                        input.maxContacts())).map(ContactPolicyNode::of), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("dunningStrategies")
    @Description("The tenant's strategy versions.")
    public Uni<@NonNull List<@NonNull DunningStrategy>> dunningStrategies() {
        return caller.withAnyRole(() -> dunning.strategies().map(list -> list.stream().map(DunningStrategy::of).toList()),
                        READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }


    /**
     * Reads: 3 s and two retries; writes (drafts, publishing, segments): 5 s, never retried — a retry after a lost
     * answer would create a second draft or meet a version already published. A circuit breaker per method; errors
     * the service reported are answers, not failures.
     */
    @ApplicationScoped
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    public static class DunningGateway {

        private final DunningClient client;

        public DunningGateway(@RestClient DunningClient client) {
            this.client = client;
        }

        /** @param strategyId null: the case's own strategy */
        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
        public Uni<DunningClient.CasePlanDto> plan(UUID caseId, int next, UUID strategyId) {
            return client.plan(caseId, next, strategyId);
        }

        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
        public Uni<DunningClient.ContactPolicyDto> contactPolicy() {
            return client.contactPolicy();
        }

        public Uni<DunningClient.ContactPolicyDto> changeContactPolicy(DunningClient.ContactPolicyBody body) {
            return client.changeContactPolicy(body);
        }

        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
        public Uni<List<DunningClient.StrategyDto>> strategies() {
            return client.strategies();
        }

        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
        public Uni<DunningClient.StrategyDetailDto> strategy(UUID id) {
            return client.strategy(id);
        }

        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
        public Uni<JsonNode> builtInStrategy() {
            return client.builtInStrategy();
        }

        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
        public Uni<List<FieldError>> validate(JsonNode definition) {
            return client.validate(definition);
        }

        @Timeout(value = 3, unit = ChronoUnit.SECONDS)
        @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
        public Uni<List<DunningClient.SegmentDto>> segments() {
            return client.segments();
        }

        public Uni<DunningClient.StrategyDetailDto> createDraft(JsonNode definition) {
            return client.createDraft(definition);
        }

        public Uni<DunningClient.StrategyDetailDto> revise(UUID id, JsonNode definition) {
            return client.revise(id, definition);
        }

        public Uni<DunningClient.StrategyDetailDto> publish(UUID id) {
            return client.publish(id);
        }

        public Uni<DunningClient.StrategyDetailDto> archive(UUID id) {
            return client.archive(id);
        }

        public Uni<DunningClient.SegmentDto> saveSegment(String key, DunningClient.SegmentBody body) {
            return client.saveSegment(key, body);
        }
    }
}

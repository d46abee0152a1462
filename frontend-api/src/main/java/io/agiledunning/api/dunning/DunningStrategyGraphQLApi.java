package io.agiledunning.api.dunning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agiledunning.api.KeyValueInput;
import io.agiledunning.api.dunning.DunningGraphQLApi.DunningGateway;
import io.agiledunning.api.errors.GraphQLApiException;
import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.errors.GraphQLIds;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
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

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.agiledunning.api.security.Caller.READERS;
import static io.agiledunning.api.security.Caller.WRITERS;

/**
 * Managing the tenant's dunning strategies and segments (docs/dunning.md): drafts are created, revised and validated,
 * then published (immutable from then on) or archived; segments map rules to strategy keys. A strategy's
 * definition is the documented JSON document (steps, triggers, channels with fallback, tone, fee, offers, end
 * rules), passed as a JSON string — the same document the REST API and the built-in default use.
 */
@GraphQLApi
public class DunningStrategyGraphQLApi {

    @Type("DunningStrategyVersion")
    @Description("A version of one of the tenant's strategies with its definition (JSON, docs/dunning.md) and, while a "
            + "DRAFT, the problems that stand in the way of publishing it (empty: publishable).")
    public record DunningStrategyVersion(@NonNull @Id String id, @NonNull String key, int version, @NonNull String status,
                                         @NonNull String definition, @NonNull List<@NonNull StrategyProblem> problems,
                                         Instant createdAt, Instant publishedAt, Instant archivedAt) {
        static DunningStrategyVersion of(DunningClient.StrategyDetailDto d) {
            return new DunningStrategyVersion(d.id().toString(), d.key(), d.version(), d.status(), d.definition().toString(),
                    StrategyProblem.of(d.problems()), d.createdAt(), d.publishedAt(), d.archivedAt());
        }
    }

    @Type("StrategyProblem")
    @Description("A field of the strategy definition (a JSON path such as steps[1].channels) and what is wrong with it.")
    public record StrategyProblem(@NonNull String field, @NonNull String reason) {
        static List<StrategyProblem> of(List<FieldError> errors) {
            return errors == null ? List.of() : errors.stream().map(e -> new StrategyProblem(e.field(), e.reason())).toList();
        }
    }

    @Type("DunningSegment")
    @Description("Cases matching the rule get strategyKey (lowest priority first); controlShare (0–1) of them stay a "
            + "permanent control group on controlStrategyKey (null: the built-in default).")
    public record DunningSegment(@NonNull String key, int priority, @NonNull SegmentRule rule, @NonNull String strategyKey,
                                 @NonNull BigDecimal controlShare, String controlStrategyKey) {
        static DunningSegment of(DunningClient.SegmentDto s) {
            return new DunningSegment(s.key(), s.priority(), SegmentRule.of(s.rule()), s.strategyKey(), s.controlShare(),
                    s.controlStrategyKey());
        }
    }

    @Type("SegmentRule")
    @Description("Every condition given must hold; none given matches every case. debtorKind CONSUMER or BUSINESS; "
            + "amounts in the case currency; germanStates as codes (BY, BE, …); attributes match debtor attributes.")
    public record SegmentRule(String debtorKind, BigDecimal minAmount, BigDecimal maxAmount, Integer minDaysPastDue,
                              Integer maxDaysPastDue, @NonNull List<@NonNull String> germanStates,
                              @NonNull List<@NonNull Attribute> attributes) {
        static SegmentRule of(DunningClient.SegmentRuleDto r) {
            return new SegmentRule(r.debtorKind(), r.minAmount(), r.maxAmount(), r.minDaysPastDue(), r.maxDaysPastDue(),
                    r.germanStates() == null ? List.of() : r.germanStates().stream().sorted().toList(),
                    r.attributes() == null ? List.of() : r.attributes().entrySet().stream()
                            .map(e -> new Attribute(e.getKey(), e.getValue())).sorted(Comparator.comparing(Attribute::key)).toList());
        }
    }

    @Type("SegmentAttribute")
    public record Attribute(@NonNull String key, @NonNull String value) {
    }

    @Input("SegmentAttributeInput")
    public record AttributeInput(@NonNull String key, @NonNull String value) implements KeyValueInput {
    }

    @Input("SegmentRuleInput")
    public record SegmentRuleInput(String debtorKind, BigDecimal minAmount, BigDecimal maxAmount, Integer minDaysPastDue,
                                   Integer maxDaysPastDue, @DefaultValue("[]") List<@NonNull String> germanStates,
                                   @DefaultValue("[]") List<@NonNull AttributeInput> attributes) {
        /** @throws GraphQLApiException an attribute key given twice */
        DunningClient.SegmentRuleDto toDto() throws GraphQLApiException {
            Map<String, String> byKey = KeyValueInput.toMap("rule.attributes", attributes);
            return new DunningClient.SegmentRuleDto(debtorKind, minAmount, maxAmount, minDaysPastDue, maxDaysPastDue,
                    germanStates == null ? Set.of() : Set.copyOf(germanStates), byKey == null ? Map.of() : byKey);
        }
    }

    @Input("SaveDunningSegmentInput")
    @Description("priority and strategyKey are required; rule null matches every case; controlShare 0–1 (default 0).")
    public record SaveDunningSegmentInput(@NonNull String key, Integer priority, SegmentRuleInput rule, String strategyKey,
                                          BigDecimal controlShare, String controlStrategyKey) {
    }

    private final DunningGateway dunning;
    private final Caller caller;
    private final ObjectMapper json;

    public DunningStrategyGraphQLApi(DunningGateway dunning, Caller caller, ObjectMapper json) {
        this.dunning = dunning;
        this.caller = caller;
        this.json = json;
    }

    @Query("dunningStrategy")
    @Description("One strategy version with its definition; another tenant's is NOT_FOUND.")
    public Uni<@NonNull DunningStrategyVersion> dunningStrategy(@Name("id") @Id @NonNull String id) {
        return caller.withAnyRole(() -> GraphQLIds.parse(id, "strategy").chain(dunning::strategy).map(DunningStrategyVersion::of),
                        READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("builtInDunningStrategy")
    @Description("The platform's built-in classic German strategy (JSON): the starting point for a tenant's own.")
    public Uni<@NonNull String> builtInDunningStrategy() {
        return caller.withAnyRole(() -> dunning.builtInStrategy().map(JsonNode::toString), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("validateDunningStrategy")
    @Description("What stands in the way of publishing this definition (JSON), without storing anything; empty: none.")
    public Uni<@NonNull List<@NonNull StrategyProblem>> validateDunningStrategy(@Name("definition") @NonNull String definition) {
        return caller.withAnyRole(() -> parse(definition).chain(dunning::validate).map(StrategyProblem::of),
                        WRITERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("dunningSegments")
    @Description("The tenant's segments, by priority.")
    public Uni<@NonNull List<@NonNull DunningSegment>> dunningSegments() {
        return caller.withAnyRole(() -> dunning.segments().map(list -> list.stream().map(DunningSegment::of).toList()), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("createDunningStrategyDraft")
    @Description("Stores a definition (JSON) as the next DRAFT version of its key (tenant admins). A definition that is "
            + "not JSON is VALIDATION on definition; problems do not block a draft, only publishing.")
    public Uni<@NonNull DunningStrategyVersion> createDunningStrategyDraft(@Name("definition") @NonNull String definition) {
        return caller.withAnyRole(() -> parse(definition).chain(dunning::createDraft).map(DunningStrategyVersion::of),
                        Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("reviseDunningStrategyDraft")
    @Description("Replaces a DRAFT's definition; a published or archived version is CONFLICT (it is immutable).")
    public Uni<@NonNull DunningStrategyVersion> reviseDunningStrategyDraft(@Name("id") @Id @NonNull String id,
                                                                          @Name("definition") @NonNull String definition) {
        return caller.withAnyRole(() -> GraphQLIds.parse(id, "strategy")
                                .chain(strategyId -> parse(definition).chain(body -> dunning.revise(strategyId, body)))
                                .map(DunningStrategyVersion::of),
                        Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("publishDunningStrategy")
    @Description("Publishes a DRAFT without problems: new cases of its segments run it; running cases keep their version.")
    public Uni<@NonNull DunningStrategyVersion> publishDunningStrategy(@Name("id") @Id @NonNull String id) {
        return caller.withAnyRole(() -> GraphQLIds.parse(id, "strategy").chain(dunning::publish).map(DunningStrategyVersion::of),
                        Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("archiveDunningStrategy")
    @Description("Archives a version: no new case starts on it.")
    public Uni<@NonNull DunningStrategyVersion> archiveDunningStrategy(@Name("id") @Id @NonNull String id) {
        return caller.withAnyRole(() -> GraphQLIds.parse(id, "strategy").chain(dunning::archive).map(DunningStrategyVersion::of),
                        Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("saveDunningSegment")
    @Description("Creates or replaces the segment with this key (tenant admins).")
    public Uni<@NonNull DunningSegment> saveDunningSegment(@Name("input") @NonNull SaveDunningSegmentInput input) {
        return caller.withAnyRole(() -> segmentBody(input).chain(body -> dunning.saveSegment(input.key(), body))
                        .map(DunningSegment::of), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    private static Uni<DunningClient.SegmentBody> segmentBody(SaveDunningSegmentInput input) {
        try {
            return Uni.createFrom().item(new DunningClient.SegmentBody(input.priority(),
                    input.rule() == null ? null : input.rule().toDto(), input.strategyKey(), input.controlShare(),
                    input.controlStrategyKey()));
        } catch (GraphQLApiException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private Uni<JsonNode> parse(String definition) {
        try {
            return Uni.createFrom().item(json.readTree(definition));
        } catch (JsonProcessingException e) {
            String reason = "is not JSON: " + e.getOriginalMessage();
            return Uni.createFrom().failure(new GraphQLApiException(ErrorCode.VALIDATION, "definition " + reason,
                    List.of(new FieldError("definition", reason))));
        }
    }
}

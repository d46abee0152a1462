package io.agiledunning.api.cases;

import io.agiledunning.api.cases.CaseTypes.CaseConnection;
import io.agiledunning.api.cases.CaseTypes.ClaimChangePayload;
import io.agiledunning.api.cases.CaseTypes.UpdateClaimInput;
import io.agiledunning.api.cases.CaseTypes.CaseEdge;
import io.agiledunning.api.cases.CaseTypes.CaseFilter;
import io.agiledunning.api.cases.CaseTypes.CaseSort;
import io.agiledunning.api.cases.CaseTypes.SortDirection;
import io.agiledunning.api.cases.CaseTypes.CaseNode;
import io.agiledunning.api.cases.CaseTypes.ClaimNode;
import io.agiledunning.api.cases.CaseTypes.PlaceClaimInput;
import io.agiledunning.api.cases.CaseTypes.PlaceClaimPayload;
import io.agiledunning.api.cases.CaseTypes.MakePromiseInput;
import io.agiledunning.api.cases.CaseTypes.MoneyInput;
import io.agiledunning.api.cases.CaseTypes.OpenDisputeInput;
import io.agiledunning.api.cases.CaseTypes.PauseCaseInput;
import io.agiledunning.api.cases.CaseTypes.ResolveDisputeInput;
import io.agiledunning.api.cases.CaseTypes.TimelineEntry;
import io.agiledunning.api.cases.CaseTypes.OpenCaseInput;
import io.agiledunning.api.cases.CaseTypes.OpenCasePayload;
import io.agiledunning.api.cases.CaseTypes.PageInfo;
import io.agiledunning.api.errors.GraphQLApiException;
import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.errors.GraphQLIds;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.money.Money;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.time.LocalDate;
import java.util.List;

import static io.agiledunning.api.security.Caller.READERS;
import static io.agiledunning.api.security.Caller.WRITERS;

@GraphQLApi
public class CaseGraphQLApi {

    private final CasesGateway cases;
    private final Caller caller;

    public CaseGraphQLApi(CasesGateway cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @Query("case")
    @Description("One case of your tenant. Another tenant's case is NOT_FOUND, exactly like a case that does not exist.")
    public Uni<CaseNode> findCase(@Name("id") @Id @NonNull String id) {
        return caller.withAnyRole(() -> GraphQLIds.parse(id, "case").chain(cases::get).map(CaseNode::of), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("cases")
    @Description("Your tenant's cases (Relay connection), filtered and sorted; oldest first by default. A cursor "
            + "continues only the sort and direction it came from.")
    public Uni<@NonNull CaseConnection> listCases(@Name("first") @DefaultValue("20") int first, @Name("after") String after,
                                                  @Name("filter") CaseFilter filter,
                                                  @Name("sort") @DefaultValue("PLACED_AT") CaseSort sort,
                                                  @Name("direction") @DefaultValue("ASC") SortDirection direction) {
        CaseFilter f = filter == null ? new CaseFilter(null, null, null, null, null, null, null, null, null) : filter;
        return caller.withAnyRole(() -> SearchArgument.checked(f.search(), "filter.search", () -> cases.search(
                                new CaseSearchDtos.CaseFilterParams(f.statuses(), f.currency(), f.minAmount(), f.maxAmount(),
                                        f.minDaysPastDue(), f.maxDaysPastDue(), f.segment(), f.persona(), f.search()),
                                sort.name(), direction.name(), first, after))
                        .map(page -> new CaseConnection(page.items().stream()
                                .map(item -> new CaseEdge(item.cursor(), CaseNode.of(item.listedCase()), item.nextActionAt()))
                                .toList(), new PageInfo(page.endCursor(), page.hasNextPage()))), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("openCase")
    @Description("Places a new case with the platform. External references are unique per tenant.")
    public Uni<@NonNull OpenCasePayload> openCase(@Name("input") @NonNull OpenCaseInput input) {
        return caller.withAnyRole(() -> toMoney(input).chain(amount -> cases.open(
                                new OpenCaseRequest(input.externalReference(), input.debtorName(), amount), null))
                        .map(c -> new OpenCasePayload(CaseNode.of(c))), WRITERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("placeClaim")
    @Description("Places a claim, idempotent on the external references of debtor and claim: a new claim joins the "
            + "debtor's unfinished case or opens one (CREATED), a changed one is UPDATED, an identical re-send is UNCHANGED.")
    public Uni<@NonNull PlaceClaimPayload> placeClaim(@Name("input") @NonNull PlaceClaimInput input) {
        return caller.withAnyRole(() -> toBody(input).chain(body -> cases.placeClaim(body, null))
                        .map(PlaceClaimPayload::of), WRITERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("updateClaim")
    @Description("Changes a placed claim found by its external reference; fields left out keep their values. UPDATED names "
            + "the changed fields (a ClaimUpdated on the case's timeline), the same change again is UNCHANGED. Another tenant's "
            + "reference is NOT_FOUND; a withdrawn claim or one of a finished case is CONFLICT.")
    public Uni<@NonNull ClaimChangePayload> updateClaim(@Name("claim") @NonNull UpdateClaimInput claim) {
        return caller.withAnyRole(() -> toBody(claim).chain(body -> cases.updateClaim(body, null))
                        .map(ClaimChangePayload::of), WRITERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("withdrawClaim")
    @Description("The tenant withdraws a placed claim: it leaves its case's balance (ClaimWithdrawn); when no claim of the "
            + "case is left, the case is CLOSED with closeReason WITHDRAWN. Withdrawing again is UNCHANGED. Another tenant's "
            + "reference is NOT_FOUND; a claim of a finished case (e.g. HANDED_OVER) is CONFLICT.")
    public Uni<@NonNull ClaimChangePayload> withdrawClaim(@Name("externalReference") @NonNull String externalReference,
                                                          @Name("reason") @NonNull String reason) {
        return caller.withAnyRole(() -> cases.withdrawClaim(new ClaimChangeResultDto.WithdrawalBody(externalReference, reason), null)
                        .map(ClaimChangePayload::of), WRITERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("caseClaims")
    @Description("A case's claims, oldest first. Another tenant's case is NOT_FOUND.")
    public Uni<@NonNull List<@NonNull ClaimNode>> caseClaims(@Name("caseId") @Id @NonNull String caseId) {
        return caller.withAnyRole(() -> GraphQLIds.parse(caseId, "case").chain(cases::claims)
                        .map(claims -> claims.stream().map(ClaimNode::of).toList()), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("caseStatement")
    @Description("The legal statement of a case's claims as of a day (not after the tenant's today, in its time zone): default, interest periods, "
            + "fees, balance and limitation per claim, and totals. Another tenant's case is NOT_FOUND; a day whose interest "
            + "needs a base rate not yet in the table is VALIDATION.")
    public Uni<StatementTypes.@NonNull CaseStatement> caseStatement(@Name("caseId") @Id @NonNull String caseId,
                                                                   @Name("asOf") @NonNull LocalDate asOf) {
        return caller.withAnyRole(() -> GraphQLIds.parse(caseId, "case").chain(id -> cases.statement(id, asOf))
                        .map(StatementTypes.CaseStatement::of), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("caseTimeline")
    @Description("A case's timeline, oldest first. Another tenant's case is NOT_FOUND.")
    public Uni<@NonNull List<@NonNull TimelineEntry>> caseTimeline(@Name("caseId") @Id @NonNull String caseId) {
        return caller.withAnyRole(() -> GraphQLIds.parse(caseId, "case").chain(cases::timeline)
                        .map(entries -> entries.stream().map(TimelineEntry::of).toList()), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("startDunning")
    @Description("Starts dunning on an OPEN case. Refusals by the case lifecycle are CONFLICT (wrong status) or VALIDATION.")
    public Uni<@NonNull CaseNode> startDunning(@Name("caseId") @Id @NonNull String caseId) {
        return command(caseId, () -> CaseCommandBody.of("START_DUNNING"));
    }

    @Mutation("pauseCase")
    @Description("Pauses dunning on an OPEN or IN_DUNNING case.")
    public Uni<@NonNull CaseNode> pauseCase(@Name("input") @NonNull PauseCaseInput input) {
        return command(input.caseId(), () -> new CaseCommandBody("PAUSE", input.reason(), input.until(), null, null, null, null, null));
    }

    @Mutation("resumeCase")
    @Description("Resumes dunning on a PAUSED case.")
    public Uni<@NonNull CaseNode> resumeCase(@Name("caseId") @Id @NonNull String caseId, @Name("reason") @NonNull String reason) {
        return command(caseId, () -> CaseCommandBody.withReason("RESUME", reason));
    }

    @Mutation("openDispute")
    @Description("Records that the debtor disputes the claim; dunning stops until the dispute is resolved.")
    public Uni<@NonNull CaseNode> openDispute(@Name("input") @NonNull OpenDisputeInput input) {
        return command(input.caseId(), () -> new CaseCommandBody("OPEN_DISPUTE", input.reason(), null, input.evidenceNote(),
                null, null, null, null));
    }

    @Mutation("resolveDispute")
    @Description("The tenant's decision on an open dispute.")
    public Uni<@NonNull CaseNode> resolveDispute(@Name("input") @NonNull ResolveDisputeInput input) {
        return command(input.caseId(), () -> new CaseCommandBody("RESOLVE_DISPUTE", null, null, null, input.resolution().name(),
                input.note(), null, null));
    }

    @Mutation("makePromise")
    @Description("Records the debtor's promise to pay an amount by a date.")
    public Uni<@NonNull CaseNode> makePromise(@Name("input") @NonNull MakePromiseInput input) {
        return caller.withAnyRole(() -> toMoney(input.amount()).chain(amount -> send(input.caseId(),
                        new CaseCommandBody("MAKE_PROMISE", null, null, null, null, null, input.payBy(), amount))), WRITERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("withdrawCase")
    @Description("The tenant withdraws the case: it ends as CLOSED.")
    public Uni<@NonNull CaseNode> withdrawCase(@Name("caseId") @Id @NonNull String caseId, @Name("reason") @NonNull String reason) {
        return command(caseId, () -> CaseCommandBody.withReason("WITHDRAW", reason));
    }

    private Uni<CaseNode> command(String caseId, java.util.function.Supplier<CaseCommandBody> body) {
        return caller.withAnyRole(() -> send(caseId, body.get()), WRITERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    private Uni<CaseNode> send(String caseId, CaseCommandBody body) {
        return GraphQLIds.parse(caseId, "case").chain(id -> cases.command(id, body, null)).map(CaseNode::of);
    }


    private static Uni<PlaceClaimBody> toBody(PlaceClaimInput input) {
        try {
            var d = input.debtor();
            var a = d.address();
            var c = input.claim();
            return Uni.createFrom().item(new PlaceClaimBody(
                    new PlaceClaimBody.Debtor(d.externalReference(), d.kind().name(), d.name(), d.emails(), d.phones(),
                            a == null ? null : new PlaceClaimBody.Address(a.street(), a.postalCode(), a.city(), a.country()),
                            d.language(), d.timeZone(), d.germanState(), d.deceased(), d.insolvency(), d.vulnerable(),
                            d.attributeMap()),
                    new PlaceClaimBody.Claim(c.externalReference(), c.invoiceNumber(), c.issueDate(), c.dueDate(),
                            money("claim.principal", c.principal()), c.consumerNotice(), money("claim.fees", c.fees()),
                            money("claim.paid", c.paid()))));
        } catch (GraphQLApiException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private static Uni<ClaimChangeResultDto.UpdateBody> toBody(UpdateClaimInput c) {
        try {
            return Uni.createFrom().item(new ClaimChangeResultDto.UpdateBody(new PlaceClaimBody.Claim(c.externalReference(),
                    c.invoiceNumber(), c.issueDate(), c.dueDate(), money("claim.principal", c.principal()), c.consumerNotice(),
                    money("claim.fees", c.fees()), money("claim.paid", c.paid()))));
        } catch (GraphQLApiException e) {
            return Uni.createFrom().failure(e);
        }
    }

    private static Money money(String field, MoneyInput input) throws GraphQLApiException {
        return input == null ? null : input.toMoney(field);
    }

    private static Uni<Money> toMoney(OpenCaseInput input) {
        return toMoney(input.amount());
    }

    private static Uni<Money> toMoney(MoneyInput input) {
        try {
            return Uni.createFrom().item(input.toMoney("amount"));
        } catch (GraphQLApiException e) {
            return Uni.createFrom().failure(e);
        }
    }
}

package io.agiledunning.api.cases;

import io.agiledunning.api.KeyValueInput;
import io.agiledunning.api.cases.CaseTypes.CaseNode;
import io.agiledunning.api.cases.CaseTypes.DebtorAttributeInput;
import io.agiledunning.api.cases.CaseTypes.ClaimNode;
import io.agiledunning.api.cases.CaseTypes.PageInfo;
import io.agiledunning.api.cases.DebtorTypes.DebtorConnection;
import io.agiledunning.api.cases.DebtorTypes.DebtorConsent;
import io.agiledunning.api.cases.DebtorTypes.DebtorConsentInput;
import io.agiledunning.api.cases.DebtorTypes.DebtorErasure;
import io.agiledunning.api.cases.DebtorTypes.DebtorDetail;
import io.agiledunning.api.cases.DebtorTypes.DebtorEdge;
import io.agiledunning.api.cases.DebtorTypes.DebtorNode;
import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.errors.GraphQLIds;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.paging.Cursor;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static io.agiledunning.api.security.Caller.READERS;
import static io.agiledunning.api.security.Caller.WRITERS;

@GraphQLApi
public class DebtorGraphQLApi {

    private final CasesGateway cases;
    private final Caller caller;

    public DebtorGraphQLApi(CasesGateway cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @Query("debtors")
    @Description("Your tenant's debtors, oldest first (Relay connection); search as in CaseFilter, persona exact.")
    public Uni<@NonNull DebtorConnection> debtors(@Name("first") @DefaultValue("20") int first, @Name("after") String after,
                                                  @Name("search") String search, @Name("persona") String persona) {
        return caller.withAnyRole(() -> SearchArgument.checked(search, "search", () -> cases.debtors(search, persona, first, after))
                        .map(page -> new DebtorConnection(page.items().stream()
                                .map(d -> new DebtorEdge(new Cursor(d.createdAt(), d.id()).encode(), DebtorNode.of(d))).toList(),
                                new PageInfo(page.endCursor(), page.hasNextPage()))), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("debtor")
    @Description("One debtor of your tenant with its cases and claims. Another tenant's debtor is NOT_FOUND, exactly like "
            + "one that does not exist.")
    public Uni<DebtorDetail> debtor(@Name("id") @Id @NonNull String id) {
        return onDebtor(id, debtorId -> cases.debtor(debtorId)
                .chain(d -> Uni.combine().all().unis(cases.debtorCases(debtorId), cases.debtorClaims(debtorId))
                        .asTuple()
                        .map(both -> new DebtorDetail(DebtorNode.of(d),
                                both.getItem1().stream().map(CaseNode::of).toList(),
                                both.getItem2().stream().map(ClaimNode::of).toList()))), READERS);
    }

    @Mutation("setDebtorOptOuts")
    @Description("Records the whole set of channels (EMAIL, SMS, LETTER) the debtor opted out of (an empty list lifts "
            + "them); the dunning engine then falls back to a step's next channel. Goes on the timeline of the debtor's "
            + "open cases. An unknown channel is VALIDATION on channels; another tenant's debtor NOT_FOUND.")
    public Uni<@NonNull DebtorNode> setDebtorOptOuts(@Name("debtorId") @Id @NonNull String debtorId,
                                                     @Name("channels") @NonNull List<@NonNull String> channels,
                                                     @Name("reason") String reason) {
        return onDebtor(debtorId, id -> cases.optOuts(id, channels, reason).map(DebtorNode::of), WRITERS);
    }

    @Mutation("setDebtorAttributes")
    @Description("Sets the debtor's own attributes that dunning segments match (industry, product, tier …): the whole set "
            + "replaces the kept one, an empty list clears it; rules as in placeClaim (a wrong or twice given key is "
            + "VALIDATION on attributes.<key>). Counts for the debtor's cases whose dunning has not started and for its next "
            + "ones. Goes on the timeline of the debtor's open cases; the same set again changes nothing. Another tenant's "
            + "debtor NOT_FOUND, an erased one CONFLICT.")
    public Uni<@NonNull DebtorNode> setDebtorAttributes(@Name("debtorId") @Id @NonNull String debtorId,
                                                        @Name("attributes") @NonNull List<@NonNull DebtorAttributeInput> attributes) {
        return onDebtor(debtorId, id -> KeyValueInput.mapped("attributes", attributes)
                .chain(map -> cases.attributes(id, map)).map(DebtorNode::of), WRITERS);
    }

    @Query("debtorDataExport")
    @Description("Everything the cases service holds about the debtor (Art. 15, 20 GDPR) as one JSON document "
            + "(format agile-dunning.debtor-export.v1: debtor, consents, cases, claims, timeline, payments with allocations, "
            + "contacts, handover packages; docs/cases.md). Tenant admins only; another tenant's debtor NOT_FOUND.")
    public Uni<@NonNull String> debtorDataExport(@Name("debtorId") @Id @NonNull String debtorId) {
        return onDebtor(debtorId, cases::debtorExport, Roles.TENANT_ADMIN);
    }

    @Mutation("restrictDebtorProcessing")
    @Description("Restricts the processing of the debtor's data (Art. 18 GDPR): kept, but the dunning engine neither "
            + "contacts the debtor nor takes steps on its cases until lifted. reason is required (VALIDATION on reason). "
            + "Tenant admins only; an erased debtor CONFLICT, another tenant's NOT_FOUND.")
    public Uni<@NonNull DebtorNode> restrictDebtorProcessing(@Name("debtorId") @Id @NonNull String debtorId,
                                                             @Name("reason") @NonNull String reason) {
        return restriction(debtorId, true, reason);
    }

    @Mutation("liftDebtorRestriction")
    @Description("Lifts the restriction of processing; dunning continues at the engine's next look.")
    public Uni<@NonNull DebtorNode> liftDebtorRestriction(@Name("debtorId") @Id @NonNull String debtorId,
                                                          @Name("reason") @NonNull String reason) {
        return restriction(debtorId, false, reason);
    }

    private Uni<DebtorNode> restriction(String debtorId, boolean restricted, String reason) {
        return onDebtor(debtorId, id -> cases.restriction(id, restricted, reason).map(DebtorNode::of), Roles.TENANT_ADMIN);
    }

    @Mutation("eraseDebtor")
    @Description("Erases the debtor's personal data (Art. 17 GDPR); claims, payments, sent letters and handover packages "
            + "stay, pseudonymized, while a retention duty covers them (docs/cases.md). CONFLICT while a case of the debtor "
            + "is unfinished or when erased already. Tenant admins only; another tenant's debtor NOT_FOUND.")
    public Uni<@NonNull DebtorErasure> eraseDebtor(@Name("debtorId") @Id @NonNull String debtorId,
                                                   @Name("reason") @NonNull String reason) {
        return onDebtor(debtorId, id -> cases.erasure(id, reason).map(DebtorErasure::of), Roles.TENANT_ADMIN);
    }

    @Query("debtorConsents")
    @Description("The debtor's consents, by channel; another tenant's debtor NOT_FOUND.")
    public Uni<@NonNull List<@NonNull DebtorConsent>> debtorConsents(@Name("debtorId") @Id @NonNull String debtorId) {
        return onDebtor(debtorId, id -> cases.consents(id).map(found -> found.stream().map(DebtorConsent::of).toList()), READERS);
    }

    @Mutation("setDebtorConsents")
    @Description("Records the whole set of consents the debtor gave (a channel left out is withdrawn); on the timeline of the "
            + "debtor's open cases. Each wrong field is VALIDATION naming it (consents[0].channel, .source, .givenAt); another "
            + "tenant's debtor NOT_FOUND.")
    public Uni<@NonNull List<@NonNull DebtorConsent>> setDebtorConsents(@Name("debtorId") @Id @NonNull String debtorId,
            @Name("consents") @NonNull List<@NonNull DebtorConsentInput> consents) {
        List<DebtorsClient.ConsentBody> body = consents.stream()
                .map(c -> new DebtorsClient.ConsentBody(c.channel(), c.source(), c.givenAt())).toList();
        return onDebtor(debtorId, id -> cases.setConsents(id, body).map(found -> found.stream().map(DebtorConsent::of).toList()),
                WRITERS);
    }

    /** An operation on one debtor: the caller's roles checked, then the id read, failures as the client sees them. */
    private <T> Uni<T> onDebtor(String debtorId, Function<UUID, Uni<? extends T>> operation, String... roles) {
        return caller.<T>withAnyRole(() -> GraphQLIds.parse(debtorId, "debtor").chain(operation), roles)
                .onFailure().transform(GraphQLErrors::toClientError);
    }
}

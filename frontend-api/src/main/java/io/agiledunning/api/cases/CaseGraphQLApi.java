package io.agiledunning.api.cases;

import io.agiledunning.api.cases.CaseTypes.CaseConnection;
import io.agiledunning.api.cases.CaseTypes.CaseEdge;
import io.agiledunning.api.cases.CaseTypes.CaseNode;
import io.agiledunning.api.cases.CaseTypes.OpenCaseInput;
import io.agiledunning.api.cases.CaseTypes.OpenCasePayload;
import io.agiledunning.api.cases.CaseTypes.PageInfo;
import io.agiledunning.api.errors.GraphQLApiException;
import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.money.Money;
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

@GraphQLApi
public class CaseGraphQLApi {

    private static final String[] READERS = {Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER};
    private static final String[] WRITERS = {Roles.TENANT_ADMIN, Roles.TENANT_AGENT};

    private final CasesGateway cases;
    private final Caller caller;

    public CaseGraphQLApi(CasesGateway cases, Caller caller) {
        this.cases = cases;
        this.caller = caller;
    }

    @Query("case")
    @Description("One case of your tenant. Another tenant's case is NOT_FOUND, exactly like a case that does not exist.")
    public Uni<CaseNode> findCase(@Name("id") @Id @NonNull String id) {
        return caller.withAnyRole(() -> parseId(id).chain(cases::get).map(CaseNode::of), READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("cases")
    @Description("Your tenant's cases, oldest first (Relay connection).")
    public Uni<@NonNull CaseConnection> listCases(@Name("first") @DefaultValue("20") int first, @Name("after") String after) {
        return caller.withAnyRole(() -> cases.list(first, after).map(page -> {
                    List<CaseEdge> edges = page.items().stream()
                            .map(c -> new CaseEdge(new Cursor(c.createdAt(), c.id()).encode(), CaseNode.of(c)))
                            .toList();
                    return new CaseConnection(edges, new PageInfo(page.endCursor(), page.hasNextPage()));
                }), READERS)
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

    private static Uni<UUID> parseId(String id) {
        try {
            return Uni.createFrom().item(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new GraphQLApiException(ErrorCode.NOT_FOUND, "case %s not found".formatted(id)));
        }
    }

    private static Uni<Money> toMoney(OpenCaseInput input) {
        try {
            return Uni.createFrom().item(new Money(input.amount().amount(), Money.currency(input.amount().currency())));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(new GraphQLApiException(ErrorCode.VALIDATION, "amount: " + e.getMessage(),
                    List.of(new FieldError("amount", e.getMessage()))));
        }
    }
}

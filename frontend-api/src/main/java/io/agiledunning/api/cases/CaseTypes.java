package io.agiledunning.api.cases;

import io.agiledunning.common.money.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The GraphQL schema of cases: types, Relay connection, input and payload. */
public final class CaseTypes {

    private CaseTypes() {
    }

    @Type("Money")
    @Description("An exact amount: the decimal amount in the currency's minor digits, and an ISO 4217 code.")
    public record MoneyAmount(@NonNull BigDecimal amount, @NonNull String currency) {
        static MoneyAmount of(Money money) {
            return new MoneyAmount(money.amount(), money.currency().getCurrencyCode());
        }
    }

    @Type("Case")
    @Description("All open claims of one debtor, worked together until paid or handed over.")
    public record CaseNode(@NonNull String id, @NonNull String externalReference, @NonNull String debtorName,
                           @NonNull MoneyAmount outstanding, @NonNull String status, @NonNull Instant createdAt) {
        static CaseNode of(CaseDto c) {
            return new CaseNode(c.id().toString(), c.externalReference(), c.debtorName(), MoneyAmount.of(c.outstanding()),
                    c.status(), c.createdAt());
        }
    }

    @Type("CaseEdge")
    public record CaseEdge(@NonNull String cursor, @NonNull CaseNode node) {
    }

    @Type("PageInfo")
    public record PageInfo(String endCursor, boolean hasNextPage) {
    }

    @Type("CaseConnection")
    public record CaseConnection(@NonNull List<@NonNull CaseEdge> edges, @NonNull PageInfo pageInfo) {
    }

    @Input("MoneyInput")
    public record MoneyInput(@NonNull BigDecimal amount, @NonNull String currency) {
    }

    @Input("OpenCaseInput")
    public record OpenCaseInput(@NonNull String externalReference, @NonNull String debtorName, @NonNull MoneyInput amount) {
    }

    @Type("OpenCasePayload")
    public record OpenCasePayload(@NonNull CaseNode caseOpened) {
    }
}

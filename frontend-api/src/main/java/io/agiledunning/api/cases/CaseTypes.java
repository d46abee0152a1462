package io.agiledunning.api.cases;

import io.agiledunning.api.KeyValueInput;
import io.agiledunning.api.errors.GraphQLApiException;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.money.Money;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The GraphQL schema of cases: types, Relay connection, input and payload. */
public final class CaseTypes {

    private CaseTypes() {
    }

    @Type("Money")
    @Description("An exact amount: the decimal amount in the currency's minor digits, and an ISO 4217 code.")
    public record MoneyAmount(@NonNull BigDecimal amount, @NonNull String currency) {
        public static MoneyAmount of(Money money) {
            return new MoneyAmount(money.amount(), money.currency().getCurrencyCode());
        }
    }

    @Type("Case")
    @Description("All open claims of one debtor, worked together until paid or handed over.")
    public record CaseNode(@NonNull String id, @NonNull String externalReference, @NonNull String debtorName,
                           @NonNull MoneyAmount outstanding, @NonNull String status, @NonNull Instant createdAt,
                           @Description("How a finished case ended (PAID, SETTLED, HANDED_OVER, WRITTEN_OFF, WITHDRAWN, "
                                   + "DISPUTE_UPHELD); null while it runs.") String closeReason,
                           @Description("The oldest due date of the claims that count (not withdrawn): days past due count "
                                   + "from it; null without claims.") LocalDate oldestDueDate) {
        static CaseNode of(CaseDto c) {
            return new CaseNode(c.id().toString(), c.externalReference(), c.debtorName(), MoneyAmount.of(c.outstanding()),
                    c.status(), c.createdAt(), c.closeReason(), c.oldestDueDate());
        }
    }

    @Type("CaseEdge")
    public record CaseEdge(@NonNull String cursor, @NonNull CaseNode node,
                           @Description("The dunning engine's next planned action for the case; null without one.")
                           Instant nextActionAt) {
    }

    @Input("CaseFilter")
    @Description("Every filter given must hold. minAmount/maxAmount need currency (the outstanding balance in that "
            + "currency); days past due count from the oldest due date of the claims that count; search is a prefix "
            + "(at least 2 characters, any case) of a word of the debtor's name, of the whole name, or of a debtor or "
            + "claim reference or invoice number.")
    public record CaseFilter(List<@NonNull String> statuses, String currency, BigDecimal minAmount, BigDecimal maxAmount,
                             Integer minDaysPastDue, Integer maxDaysPastDue, String segment, String persona, String search) {
    }

    @Enum("CaseSort")
    @Description("PLACED_AT, AMOUNT (outstanding), DAYS_PAST_DUE (DESC = most overdue first), NEXT_ACTION (cases without "
            + "a value last ascending, first descending); ties by id.")
    public enum CaseSort {
        PLACED_AT, AMOUNT, DAYS_PAST_DUE, NEXT_ACTION
    }

    @Enum("SortDirection")
    public enum SortDirection {
        ASC, DESC
    }

    @Type("PageInfo")
    public record PageInfo(String endCursor, boolean hasNextPage) {
    }

    @Type("CaseConnection")
    public record CaseConnection(@NonNull List<@NonNull CaseEdge> edges, @NonNull PageInfo pageInfo) {
    }

    @Input("MoneyInput")
    public record MoneyInput(@NonNull BigDecimal amount, @NonNull String currency) {

        /** @throws GraphQLApiException VALIDATION on {@code field} for an unknown currency or too many decimals */
        Money toMoney(String field) throws GraphQLApiException {
            try {
                return new Money(amount, Money.currency(currency));
            } catch (IllegalArgumentException e) {
                throw GraphQLApiException.invalid(new FieldError(field, e.getMessage()));
            }
        }
    }

    @Input("OpenCaseInput")
    public record OpenCaseInput(@NonNull String externalReference, @NonNull String debtorName, @NonNull MoneyInput amount) {
    }

    @Type("OpenCasePayload")
    public record OpenCasePayload(@NonNull CaseNode caseOpened) {
    }

    @Type("CaseTimelineEntry")
    @Description("One step on a case's timeline: type is the event name (CaseOpened, CasePaused, …), from is null for the opening.")
    public record TimelineEntry(@NonNull String id, @NonNull String type, String from, @NonNull String to,
                                @NonNull String reason, @NonNull String actor, @NonNull Instant occurredAt) {
        static TimelineEntry of(TimelineEntryDto e) {
            return new TimelineEntry(e.id().toString(), e.type(), e.from(), e.to(), e.reason(), e.actor(), e.occurredAt());
        }
    }

    @Input("PauseCaseInput")
    @Description("Stops dunning, indefinitely or until (not including) a date after today.")
    public record PauseCaseInput(@NonNull @Id String caseId, @NonNull String reason, LocalDate until) {
    }

    @Input("OpenDisputeInput")
    public record OpenDisputeInput(@NonNull @Id String caseId, @NonNull String reason, String evidenceNote) {
    }

    @Enum("DisputeResolution")
    @Description("REJECTED: dunning resumes; UPHELD_CLOSE: the case is closed; UPHELD_WRITE_OFF: the claim is written off.")
    public enum DisputeResolution {
        REJECTED, UPHELD_CLOSE, UPHELD_WRITE_OFF
    }

    @Input("ResolveDisputeInput")
    public record ResolveDisputeInput(@NonNull @Id String caseId, @NonNull DisputeResolution resolution, @NonNull String note) {
    }

    @Input("MakePromiseInput")
    @Description("The debtor promises to pay amount (in the case's currency) by payBy (today or later).")
    public record MakePromiseInput(@NonNull @Id String caseId, @NonNull LocalDate payBy, @NonNull MoneyInput amount) {
    }

    @Enum("DebtorKind")
    @Description("CONSUMER: a consumer is involved (§ 13 BGB); BUSINESS: a business debtor.")
    public enum DebtorKind {
        CONSUMER, BUSINESS
    }

    @Input("PostalAddressInput")
    @Description("A contact point only when street, postalCode, city and country (ISO 3166 alpha-2) are all given.")
    public record PostalAddressInput(String street, String postalCode, String city, String country) {
    }

    @Input("DebtorInput")
    @Description("The debtor, found by externalReference (updated if its data changed) or created. Needs at least one "
            + "contact point: an email, a phone or a complete postal address. attributes: your own attributes of the "
            + "debtor that segment rules match (industry, product, …); left out, the kept ones stay; given, they replace them.")
    public record DebtorInput(@NonNull String externalReference, @NonNull DebtorKind kind, @NonNull String name,
                              List<String> emails, List<String> phones, PostalAddressInput address,
                              String language, String timeZone, String germanState, Boolean deceased, Boolean insolvency,
                              Boolean vulnerable, List<DebtorAttributeInput> attributes) {

        /** @throws GraphQLApiException a key given twice */
        Map<String, String> attributeMap() throws GraphQLApiException {
            return KeyValueInput.toMap("debtor.attributes", attributes);
        }
    }

    @Input("DebtorAttributeInput")
    @Description("One attribute of a debtor: key (lower-case letters, digits, '_' or '-'), value (at most 200 characters).")
    public record DebtorAttributeInput(@NonNull String key, @NonNull String value) implements KeyValueInput {
    }

    @Input("ClaimInput")
    @Description("An invoice. consumerNotice: the invoice carried the notice of § 286(3) BGB. fees and paid default to zero "
            + "and are in the principal's currency.")
    public record ClaimInput(@NonNull String externalReference, @NonNull String invoiceNumber, @NonNull LocalDate issueDate,
                             @NonNull LocalDate dueDate, @NonNull MoneyInput principal, @NonNull Boolean consumerNotice,
                             MoneyInput fees, MoneyInput paid) {
    }

    @Input("PlaceClaimInput")
    public record PlaceClaimInput(@NonNull DebtorInput debtor, @NonNull ClaimInput claim) {
    }

    @Enum("PlacementOutcome")
    @Description("CREATED: a new claim (joined the debtor's unfinished case or opened one); UPDATED: a known claim with "
            + "changed data; UNCHANGED: a known claim re-sent as it is (nothing written).")
    public enum PlacementOutcome {
        CREATED, UPDATED, UNCHANGED
    }

    @Type("Claim")
    @Description("One invoice of a debtor on a case; open is principal + fees - paid (zero once withdrawn).")
    public record ClaimNode(@NonNull String id, @NonNull String externalReference, @NonNull String debtorId,
                            @NonNull String caseId, @NonNull String invoiceNumber, @NonNull LocalDate issueDate,
                            @NonNull LocalDate dueDate, @NonNull MoneyAmount principal, boolean consumerNotice,
                            @NonNull MoneyAmount fees, @NonNull MoneyAmount paid, @NonNull MoneyAmount open,
                            Instant withdrawnAt, String withdrawalReason) {
        static ClaimNode of(ClaimDto c) {
            return new ClaimNode(c.id().toString(), c.externalReference(), c.debtorId().toString(), c.caseId().toString(),
                    c.invoiceNumber(), c.issueDate(), c.dueDate(), MoneyAmount.of(c.principal()), c.consumerNotice(),
                    MoneyAmount.of(c.fees()), MoneyAmount.of(c.paid()), MoneyAmount.of(c.open()), c.withdrawnAt(),
                    c.withdrawalReason());
        }
    }

    @Input("UpdateClaimInput")
    @Description("A change to a placed claim found by externalReference; every other field left out keeps its value.")
    public record UpdateClaimInput(@NonNull String externalReference, String invoiceNumber, LocalDate issueDate,
                                   LocalDate dueDate, MoneyInput principal, Boolean consumerNotice, MoneyInput fees,
                                   MoneyInput paid) {
    }

    @Enum("ClaimChangeOutcome")
    @Description("UPDATED: the claim's data changed (changedFields names the fields); WITHDRAWN: the claim left its case's "
            + "balance (the case CLOSED if it was its last claim); UNCHANGED: nothing to do (nothing written).")
    public enum ClaimChangeOutcome {
        UPDATED, WITHDRAWN, UNCHANGED
    }

    @Type("ClaimChangePayload")
    public record ClaimChangePayload(@NonNull ClaimChangeOutcome outcome, @NonNull List<@NonNull String> changedFields,
                                     @Name("case") @NonNull CaseNode changedCase, @NonNull ClaimNode claim) {
        static ClaimChangePayload of(ClaimChangeResultDto result) {
            return new ClaimChangePayload(ClaimChangeOutcome.valueOf(result.outcome()), result.changedFields(),
                    CaseNode.of(result.changedCase()), ClaimNode.of(result.claim()));
        }
    }

    @Type("PlaceClaimPayload")
    public record PlaceClaimPayload(@NonNull PlacementOutcome outcome, @Name("case") @NonNull CaseNode placedCase,
                                    @NonNull ClaimNode claim) {
        static PlaceClaimPayload of(PlaceClaimResultDto result) {
            return new PlaceClaimPayload(PlacementOutcome.valueOf(result.outcome()), CaseNode.of(result.placedCase()),
                    ClaimNode.of(result.claim()));
        }
    }
}

package io.agiledunning.api.cases;

import io.agiledunning.api.cases.CaseTypes.MoneyAmount;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The GraphQL schema of a case's legal statement (see docs/domain.md, "Statement"). */
public final class StatementTypes {

    private StatementTypes() {
    }

    @Type("CaseStatement")
    @Description("The legal statement of a case's claims as of a day: default, interest, costs and limitation per "
            + "claim, the case's payments with their allocation, and totals. balance = principal + interest + costs − "
            + "allocated; paid is the claims' own paid amount as placed, undated and therefore not deducted. debtorKind "
            + "is null for a case without claims. legalSettingsVersion is the version of the tenant's legal settings the "
            + "figures were computed with (0: the platform defaults; see legalSettingsHistory).")
    public record CaseStatement(@NonNull @Id String caseId, @NonNull LocalDate asOf, @NonNull String currency,
                                String debtorKind, @NonNull List<@NonNull ClaimStatement> claims,
                                @NonNull List<@NonNull StatementPayment> payments, @NonNull StatementTotals totals,
                                int legalSettingsVersion) {
        static CaseStatement of(CaseStatementDto s) {
            return new CaseStatement(s.caseId().toString(), s.asOf(), s.currency(), s.debtorKind(),
                    s.claims().stream().map(ClaimStatement::of).toList(),
                    s.payments().stream().map(StatementPayment::of).toList(), StatementTotals.of(s.totals()),
                    s.legalSettingsVersion());
        }
    }

    @Type("ClaimStatement")
    @Description("One claim as of the statement's day. reminders are the days the dunning engine sent a reminder "
            + "about it; defaultStart is null while the debtor is not in default; invoiceReceived is the claim's issue "
            + "date (receipt is not recorded).")
    public record ClaimStatement(@NonNull @Id String claimId, @NonNull String externalReference,
                                 @NonNull String invoiceNumber, @NonNull LocalDate issueDate, @NonNull LocalDate dueDate,
                                 LocalDate invoiceReceived, boolean consumerNotice, @NonNull MoneyAmount principal,
                                 @NonNull List<@NonNull LocalDate> reminders, DefaultStart defaultStart, @NonNull LocalDate lastInterestDay,
                                 @NonNull List<@NonNull InterestPeriod> interestPeriods, @NonNull MoneyAmount interest,
                                 @NonNull List<@NonNull StatementFee> fees, @NonNull MoneyAmount costs,
                                 @NonNull MoneyAmount allocated, @NonNull MoneyAmount balance, @NonNull MoneyAmount paid,
                                 @NonNull Limitation limitation) {
        static ClaimStatement of(CaseStatementDto.Claim c) {
            return new ClaimStatement(c.claimId().toString(), c.externalReference(), c.invoiceNumber(), c.issueDate(),
                    c.dueDate(), c.invoiceReceived(), c.consumerNotice(), MoneyAmount.of(c.principal()), c.reminders(),
                    c.defaultStart() == null ? null : new DefaultStart(c.defaultStart().began(), c.defaultStart().reason()),
                    c.lastInterestDay(), c.interestPeriods().stream().map(InterestPeriod::of).toList(),
                    MoneyAmount.of(c.interest()), c.fees().stream().map(StatementFee::of).toList(), MoneyAmount.of(c.costs()),
                    MoneyAmount.of(c.allocated()), MoneyAmount.of(c.balance()), MoneyAmount.of(c.paid()),
                    new Limitation(c.limitation().date(), c.limitation().timeBarred(), c.limitation().expiresSoon()));
        }
    }

    @Type("DefaultStart")
    @Description("The day of the default-creating event and why (REMINDER_AFTER_DUE, CALENDAR_DATE, "
            + "THIRTY_DAYS_AFTER_DUE_AND_RECEIPT); the debtor is in default from the end of that day.")
    public record DefaultStart(@NonNull LocalDate began, @NonNull String reason) {
    }

    @Type("InterestPeriod")
    @Description("Interest on one stretch of days (from and to inclusive) at one yearly rate in percent; amount is rounded to the cent.")
    public record InterestPeriod(@NonNull LocalDate from, @NonNull LocalDate to, int days, @NonNull BigDecimal ratePercent,
                                 @NonNull MoneyAmount principal, int yearDays, @NonNull MoneyAmount amount) {
        static InterestPeriod of(CaseStatementDto.InterestPeriod p) {
            return new InterestPeriod(p.from(), p.to(), Math.toIntExact(p.days()), p.ratePercent(), MoneyAmount.of(p.principal()),
                    p.yearDays(), MoneyAmount.of(p.amount()));
        }
    }

    @Type("StatementFee")
    @Description("A cost charged on the claim: kind REMINDER_FEE or B2B_FLAT_FEE (§ 288(5) BGB), with its legal basis.")
    public record StatementFee(@NonNull String kind, @NonNull LocalDate chargedOn, @NonNull MoneyAmount amount,
                               @NonNull String basis) {
        static StatementFee of(CaseStatementDto.Fee f) {
            return new StatementFee(f.kind(), f.chargedOn(), MoneyAmount.of(f.amount()), f.basis());
        }
    }

    @Type("Limitation")
    @Description("date: the last day the claim can be enforced; timeBarred as of the statement's day; expiresSoon: not "
            + "barred yet, but within 90 days of the statement's day (time to act).")
    public record Limitation(@NonNull LocalDate date, boolean timeBarred, boolean expiresSoon) {
    }

    @Type("StatementPayment")
    @Description("A payment recorded for the case up to the statement's day and how it was allocated (§§ 366, 367 BGB); "
            + "unallocated is what no claim took (overpayment, other currency, or waiting for a base rate).")
    public record StatementPayment(@NonNull @Id String paymentId, @NonNull LocalDate paidOn, @NonNull MoneyAmount amount,
                                   @NonNull String method, @NonNull List<@NonNull PaymentAllocationLine> allocations,
                                   @NonNull MoneyAmount unallocated) {
        static StatementPayment of(CaseStatementDto.Payment p) {
            return new StatementPayment(p.paymentId().toString(), p.paidOn(), MoneyAmount.of(p.amount()), p.method(),
                    p.allocations().stream().map(PaymentAllocationLine::of).toList(), MoneyAmount.of(p.unallocated()));
        }
    }

    @Type("PaymentAllocationLine")
    @Description("One part of a payment: the claim, the component (COSTS, INTEREST, PRINCIPAL), the amount, and the "
            + "rules that decided it (claimRule: § 366; componentRule: § 367(1) or § 497(3)).")
    public record PaymentAllocationLine(@NonNull @Id String claimId, String claimReference, @NonNull String component,
                                        @NonNull MoneyAmount amount, @NonNull String claimRule,
                                        @NonNull String componentRule) {
        static PaymentAllocationLine of(CaseStatementDto.Allocation a) {
            return new PaymentAllocationLine(a.claimId().toString(), a.claimReference(), a.component(),
                    MoneyAmount.of(a.amount()), a.claimRule(), a.componentRule());
        }
    }

    @Type("StatementTotals")
    @Description("Sums over the claims; balance = principal + interest + costs − allocated.")
    public record StatementTotals(@NonNull MoneyAmount principal, @NonNull MoneyAmount interest, @NonNull MoneyAmount costs,
                                  @NonNull MoneyAmount allocated, @NonNull MoneyAmount balance, @NonNull MoneyAmount paid) {
        static StatementTotals of(CaseStatementDto.Totals t) {
            return new StatementTotals(MoneyAmount.of(t.principal()), MoneyAmount.of(t.interest()), MoneyAmount.of(t.costs()),
                    MoneyAmount.of(t.allocated()), MoneyAmount.of(t.balance()), MoneyAmount.of(t.paid()));
        }
    }
}

package io.agiledunning.cases.api;

import io.agiledunning.cases.law.AllocationLine;
import io.agiledunning.cases.law.ClaimStatement;
import io.agiledunning.cases.law.Component;
import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.cases.law.DefaultReason;
import io.agiledunning.cases.law.Fee;
import io.agiledunning.cases.law.InterestPeriod;
import io.agiledunning.cases.repository.PaymentRepository;
import io.agiledunning.cases.service.StatementService;
import io.agiledunning.common.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The legal statement of a case as of a day: per claim what the law adds to the principal (default interest and
 * costs) and when the claim becomes time-barred, the payments recorded for the case up to that day with their
 * allocation line by line, and the case totals. {@code balance} = principal + interest + costs − {@code allocated};
 * {@code paid} is the claim's own paid amount as placed (received before the platform, undated), shown for
 * information and not deducted (see docs/domain.md, "Statement").
 *
 * @param debtorKind             null for a case without claims
 * @param legalSettingsVersion   the version of the tenant's legal settings the figures were computed with (0: the
 *                               platform defaults; see {@code /api/legal-settings/history})
 */
public record CaseStatementView(UUID caseId, LocalDate asOf, String currency, DebtorKind debtorKind,
                                List<ClaimStatementView> claims, List<PaymentView> payments, Totals totals,
                                int legalSettingsVersion) {

    /**
     * @param reminders    the days reminders about this claim were sent, up to {@code asOf}
     * @param defaultStart null while the debtor is not in default
     */
    public record ClaimStatementView(UUID claimId, String externalReference, String invoiceNumber, LocalDate issueDate,
                                     LocalDate dueDate, LocalDate invoiceReceived, boolean consumerNotice, Money principal,
                                     List<LocalDate> reminders, DefaultStartView defaultStart, LocalDate lastInterestDay,
                                     List<InterestPeriodView> interestPeriods, Money interest, List<FeeView> fees,
                                     Money costs, Money allocated, Money balance, Money paid, LimitationView limitation) {
    }

    /** A payment and how it was allocated; {@code unallocated} is what no claim took, with {@code note} saying why. */
    public record PaymentView(UUID paymentId, LocalDate paidOn, Money amount, String method, List<AllocationView> allocations,
                              Money unallocated) {
        static PaymentView of(PaymentRepository.Allocated a, Map<String, String> claimReferences) {
            return new PaymentView(a.payment().paymentId(), a.payment().paidOn(), a.payment().amount(), a.payment().method(),
                    a.lines().stream().map(e -> AllocationView.of(e.toLine(a.payment()), claimReferences)).toList(),
                    a.payment().unallocated());
        }
    }

    /** One part of a payment: which claim's which component took how much, and why (§ 366 and § 367 / § 497(3)). */
    public record AllocationView(UUID claimId, String claimReference, Component component, Money amount, String claimRule,
                                 String componentRule) {
        static AllocationView of(AllocationLine line, Map<String, String> claimReferences) {
            return new AllocationView(UUID.fromString(line.claimId()), claimReferences.get(line.claimId()), line.component(),
                    line.amount(), line.claimRule().explanation(), line.componentRule());
        }
    }

    public record DefaultStartView(LocalDate began, DefaultReason reason) {
    }

    /** {@code ratePercent} is the yearly rate (base rate + surcharge); {@code amount} is rounded to the cent. */
    public record InterestPeriodView(LocalDate from, LocalDate to, long days, BigDecimal ratePercent, Money principal,
                                     int yearDays, Money amount) {
        static InterestPeriodView of(InterestPeriod p) {
            return new InterestPeriodView(p.from(), p.to(), p.days(), p.ratePercent(), p.principal(), p.yearDays(), p.amount());
        }
    }

    public record FeeView(Fee.Kind kind, LocalDate chargedOn, Money amount, String basis) {
        static FeeView of(Fee f) {
            return new FeeView(f.kind(), f.chargedOn(), f.amount(), f.basis());
        }
    }

    /**
     * @param date        the last day the claim can be enforced
     * @param expiresSoon not yet time-barred, but the limitation ends within {@link #WARNING_DAYS} days of
     *                    {@code asOf}: time to act (e.g. a court dunning procedure, which suspends it) or to decide
     */
    public record LimitationView(LocalDate date, boolean timeBarred, boolean expiresSoon) {
        public static final int WARNING_DAYS = 90;
    }

    public record Totals(Money principal, Money interest, Money costs, Money allocated, Money balance, Money paid) {
    }

    public static CaseStatementView of(StatementService.CaseStatement s) {
        String currency = s.c().currencyCode();
        Money zero = Money.ofMinor(0, currency);
        Money principal = zero, interest = zero, costs = zero, allocated = zero, balance = zero, paid = zero;
        Map<String, String> claimReferences = new java.util.HashMap<>();
        List<ClaimStatementView> claims = new java.util.ArrayList<>();
        for (StatementService.ClaimEntry e : s.claims()) {
            ClaimStatement st = e.statement();
            Money allocatedToClaim = st.paidCosts().plus(st.paidInterest()).plus(st.paidPrincipal());
            claimReferences.put(e.claim().id().toString(), e.claim().externalReference());
            claims.add(new ClaimStatementView(e.claim().id(), e.claim().externalReference(), e.claim().invoiceNumber(),
                    e.claim().issueDate(), e.claim().dueDate(), e.facts().invoiceReceived().orElse(null),
                    e.claim().consumerNotice(), st.principal(),
                    e.facts().reminderDays().stream().filter(day -> !day.isAfter(s.asOf())).toList(),
                    st.defaultStart().map(d -> new DefaultStartView(d.began(), d.reason())).orElse(null),
                    st.lastInterestDay(), st.interestPeriods().stream().map(InterestPeriodView::of).toList(), st.interest(),
                    st.fees().stream().map(FeeView::of).toList(), st.costs(), allocatedToClaim, st.balance(), e.claim().paid(),
                    new LimitationView(st.limitation().date(), st.isTimeBarred(),
                            st.limitation().expiresWithin(s.asOf(), LimitationView.WARNING_DAYS))));
            principal = principal.plus(st.principal());
            interest = interest.plus(st.interest());
            costs = costs.plus(st.costs());
            allocated = allocated.plus(allocatedToClaim);
            balance = balance.plus(st.balance());
            paid = paid.plus(e.claim().paid());
        }
        return new CaseStatementView(s.c().id(), s.asOf(), currency, s.debtorKind().orElse(null), List.copyOf(claims),
                s.payments().stream().map(p -> PaymentView.of(p, claimReferences)).toList(),
                new Totals(principal, interest, costs, allocated, balance, paid), s.settingsVersion());
    }
}

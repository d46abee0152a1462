package io.agiledunning.cases.api;

import io.agiledunning.cases.law.ClaimStatement;
import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.cases.law.DefaultReason;
import io.agiledunning.cases.law.Fee;
import io.agiledunning.cases.law.InterestPeriod;
import io.agiledunning.cases.service.StatementService;
import io.agiledunning.common.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The legal statement of a case as of a day: per claim what the law adds to the principal (default interest and
 * costs) and when the claim becomes time-barred, plus the case totals. {@code balance} = principal + interest +
 * costs; payments are not in it: {@code paid} is the claim's recorded paid amount, shown for information because it
 * carries no payment dates (see docs/domain.md, "Statement").
 *
 * @param debtorKind null for a case without claims
 */
public record CaseStatementView(UUID caseId, LocalDate asOf, String currency, DebtorKind debtorKind,
                                List<ClaimStatementView> claims, Totals totals) {

    /** @param defaultStart null while the debtor is not in default */
    public record ClaimStatementView(UUID claimId, String externalReference, String invoiceNumber, LocalDate issueDate,
                                     LocalDate dueDate, LocalDate invoiceReceived, boolean consumerNotice, Money principal,
                                     DefaultStartView defaultStart, LocalDate lastInterestDay,
                                     List<InterestPeriodView> interestPeriods, Money interest, List<FeeView> fees,
                                     Money costs, Money balance, Money paid, LimitationView limitation) {
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

    /** @param date the last day the claim can be enforced */
    public record LimitationView(LocalDate date, boolean timeBarred) {
    }

    public record Totals(Money principal, Money interest, Money costs, Money balance, Money paid) {
    }

    static CaseStatementView of(StatementService.CaseStatement s) {
        String currency = s.c().currencyCode();
        Money zero = Money.ofMinor(0, currency);
        Money principal = zero, interest = zero, costs = zero, balance = zero, paid = zero;
        List<ClaimStatementView> claims = new java.util.ArrayList<>();
        for (StatementService.ClaimEntry e : s.claims()) {
            ClaimStatement st = e.statement();
            claims.add(new ClaimStatementView(e.claim().id(), e.claim().externalReference(), e.claim().invoiceNumber(),
                    e.claim().issueDate(), e.claim().dueDate(), e.facts().invoiceReceived().orElse(null),
                    e.claim().consumerNotice(), st.principal(),
                    st.defaultStart().map(d -> new DefaultStartView(d.began(), d.reason())).orElse(null),
                    st.lastInterestDay(), st.interestPeriods().stream().map(InterestPeriodView::of).toList(), st.interest(),
                    st.fees().stream().map(FeeView::of).toList(), st.costs(), st.balance(), e.claim().paid(),
                    new LimitationView(st.limitation().date(), st.isTimeBarred())));
            principal = principal.plus(st.principal());
            interest = interest.plus(st.interest());
            costs = costs.plus(st.costs());
            balance = balance.plus(st.balance());
            paid = paid.plus(e.claim().paid());
        }
        return new CaseStatementView(s.c().id(), s.asOf(), currency, s.debtorKind().orElse(null), List.copyOf(claims),
                new Totals(principal, interest, costs, balance, paid));
    }
}

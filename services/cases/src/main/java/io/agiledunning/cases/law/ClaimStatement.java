package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one claim as of one day: the basis for the debtor page, letters and the handover package
 * (§ 13a RDG). {@code balance} is exactly what settles the claim if paid on {@code asOf}.
 *
 * @param lastInterestDay the last day counted in {@code interestPeriods} (depends on the payment-day convention)
 */
public record ClaimStatement(
        String claimId,
        LocalDate asOf,
        Optional<DefaultStart> defaultStart,
        Money principal,
        LocalDate lastInterestDay,
        List<InterestPeriod> interestPeriods,
        Money interest,
        List<Fee> fees,
        Money costs,
        List<AllocationLine> allocations,
        Money paidCosts,
        Money paidInterest,
        Money paidPrincipal,
        Money outstandingCosts,
        Money outstandingInterest,
        Money outstandingPrincipal,
        Money balance,
        Limitation limitation) {

    public ClaimStatement {
        interestPeriods = List.copyOf(interestPeriods);
        fees = List.copyOf(fees);
        allocations = List.copyOf(allocations);
    }

    public boolean isTimeBarred() {
        return limitation.isTimeBarred(asOf);
    }
}

package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.util.List;

/** How one payment was allocated; {@code sum(lines) + unallocated == payment.amount()} always. */
public record PaymentAllocation(Payment payment, List<AllocationLine> lines, Money unallocated) {

    public PaymentAllocation {
        lines = List.copyOf(lines);
    }
}

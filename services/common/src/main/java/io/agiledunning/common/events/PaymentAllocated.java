package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A recorded payment was allocated across the case's claims (§§ 366, 367 BGB). {@code unallocated} is what no claim
 * took (an overpayment, another currency, or an allocation waiting for a missing base rate: see {@code note}).
 */
public record PaymentAllocated(UUID caseId, UUID paymentId, Money amount, LocalDate paidOn, List<Line> lines,
                               Money unallocated, String note) implements DomainEvent {

    /** One part of the payment: the claim, the component (COSTS, INTEREST, PRINCIPAL), the amount and why. */
    public record Line(UUID claimId, String component, Money amount, String why) {
    }
}

package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;

/**
 * One part of a payment settling one component of one claim, with the rules that decided it.
 *
 * @param claimRule     why this claim (§ 366)
 * @param componentRule why this component, as the statutory source of the claim's order (§ 367(1) or § 497(3))
 */
public record AllocationLine(String paymentId, LocalDate paidOn, String claimId, Component component, Money amount,
                             ClaimRule claimRule, String componentRule) {
}

package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.math.BigDecimal;

/**
 * A tenant admin changed the tenant's legal settings (cases service, docs/domain.md "Tenant settings"); the
 * aggregate is the tenant. {@code version} counts the changes; {@code interestCapPercent} is null when the tenant
 * claims the full statutory rate.
 */
public record LegalSettingsChanged(int version, Money reminderFee, boolean chargeB2bFlatFee, BigDecimal interestCapPercent,
                                   String allocationOrder, String firstInterestDay, boolean paymentDayBearsInterest,
                                   String dayCount, String rounding, String changedBy) implements DomainEvent {
}

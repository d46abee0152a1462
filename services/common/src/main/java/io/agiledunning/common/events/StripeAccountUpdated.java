package io.agiledunning.common.events;

import java.time.Instant;

/**
 * Stripe reported a new state of the tenant's connected account ({@code account.updated}). Debtors can pay by
 * card exactly when {@code cardPaymentsAvailable} (charges enabled).
 *
 * @param stateAsOf when Stripe created the event that reported this state
 */
public record StripeAccountUpdated(String accountId, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted,
                                   boolean cardPaymentsAvailable, Instant stateAsOf) implements DomainEvent {
}

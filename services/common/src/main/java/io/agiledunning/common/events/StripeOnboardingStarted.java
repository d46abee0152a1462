package io.agiledunning.common.events;

/** A tenant admin started Stripe onboarding for the first time: the tenant's connected account exists at Stripe. */
public record StripeOnboardingStarted(String accountId) implements DomainEvent {
}

package io.agiledunning.payments.connect;

/** What Stripe says about a connected account, from the API or an {@code account.updated} event. */
public record AccountState(String accountId, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted) {
}

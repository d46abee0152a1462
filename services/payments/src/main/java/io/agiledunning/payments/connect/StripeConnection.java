package io.agiledunning.payments.connect;

import java.time.Instant;

/**
 * The tenant's Stripe connection as debtors' card payments see it: available when the tenant has a connected
 * account whose charges Stripe enabled; otherwise {@code reason} says what is missing.
 *
 * @param accountId null when the tenant never started onboarding
 * @param stateAsOf when Stripe reported this state (the newest applied {@code account.updated}); null before the first
 */
public record StripeConnection(String accountId, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted,
                               Instant stateAsOf, boolean cardPaymentsAvailable, Reason reason) {

    public enum Reason {
        /** No connected account: the tenant admin has not started Stripe onboarding. */
        NOT_CONNECTED,
        /** The account exists, but its owner has not finished Stripe's onboarding form. */
        ONBOARDING_INCOMPLETE,
        /** Onboarding was submitted, but Stripe has not enabled (or has disabled) charges on the account. */
        CHARGES_DISABLED
    }

    public static StripeConnection none() {
        return new StripeConnection(null, false, false, false, null, false, Reason.NOT_CONNECTED);
    }

    public static StripeConnection of(AccountState state, Instant stateAsOf) {
        Reason reason = state.chargesEnabled() ? null
                : state.detailsSubmitted() ? Reason.CHARGES_DISABLED : Reason.ONBOARDING_INCOMPLETE;
        return new StripeConnection(state.accountId(), state.chargesEnabled(), state.payoutsEnabled(), state.detailsSubmitted(),
                stateAsOf, reason == null, reason);
    }
}

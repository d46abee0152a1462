package io.agiledunning.api.payments;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Enum;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import java.time.Instant;

/** GraphQL types of Stripe Connect; also the JSON of the payments service's {@code /api/stripe/connection}. */
public final class StripeConnectTypes {

    private StripeConnectTypes() {
    }

    @Enum("CardPaymentsUnavailableReason")
    @Description("Why debtors cannot pay by card yet: NOT_CONNECTED (no Stripe account: start onboarding), "
            + "ONBOARDING_INCOMPLETE (Stripe's form not finished: start onboarding again to continue), "
            + "CHARGES_DISABLED (submitted; Stripe has not enabled charges — see the Stripe dashboard).")
    public enum CardPaymentsUnavailableReason {
        NOT_CONNECTED, ONBOARDING_INCOMPLETE, CHARGES_DISABLED
    }

    @Type("StripeConnection")
    @Description("Your tenant's Stripe connected account as Stripe last reported it. Debtors can pay by card exactly when "
            + "cardPaymentsAvailable; otherwise reason says why. accountId is null before onboarding started.")
    public record StripeConnection(String accountId, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted,
                                   Instant stateAsOf, boolean cardPaymentsAvailable, CardPaymentsUnavailableReason reason) {
    }

    @Type("StartStripeOnboardingPayload")
    @Description("Send the admin's browser to url (Stripe's hosted onboarding; single use, valid until expiresAt). "
            + "Stripe returns to the console afterwards.")
    public record StartStripeOnboardingPayload(@NonNull String accountId, @NonNull String url, @NonNull Instant expiresAt) {
    }
}

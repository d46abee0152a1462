package io.agiledunning.api.payments;

import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.payments.StripeConnectTypes.StartStripeOnboardingPayload;
import io.agiledunning.api.payments.StripeConnectTypes.StripeConnection;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import static io.agiledunning.api.security.Caller.READERS;

/** The tenant's Stripe connection, which debtors' card payments need (docs/payments.md). */
@GraphQLApi
public class StripeConnectGraphQLApi {

    private final StripeConnectGateway payments;
    private final Caller caller;

    public StripeConnectGraphQLApi(StripeConnectGateway payments, Caller caller) {
        this.payments = payments;
        this.caller = caller;
    }

    @Query("stripeConnection")
    @Description("Your tenant's Stripe connection and whether debtors can pay by card.")
    public Uni<@NonNull StripeConnection> stripeConnection() {
        return caller.withAnyRole(payments::connection, READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("startStripeOnboarding")
    @Description("Tenant admins: creates your tenant's Stripe connected account on the first call (later calls reuse it) "
            + "and returns a fresh link to Stripe's onboarding.")
    public Uni<@NonNull StartStripeOnboardingPayload> startStripeOnboarding() {
        return caller.withAnyRole(() -> payments.startOnboarding(null), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }
}

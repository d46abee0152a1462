package io.agiledunning.api.onboarding;

import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.onboarding.OnboardingTypes.SignUpInput;
import io.agiledunning.api.onboarding.OnboardingTypes.SignUpPayload;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantSettingsNode;
import io.agiledunning.api.onboarding.OnboardingTypes.VerifyBody;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class OnboardingGraphQLApi {

    private final OnboardingGateway onboarding;
    private final Caller caller;

    public OnboardingGraphQLApi(OnboardingGateway onboarding, Caller caller) {
        this.onboarding = onboarding;
        this.caller = caller;
    }

    @Mutation("signUp")
    @Description("Public, no token: signs a company up and mails its admin a verification link. Invalid fields are VALIDATION "
            + "(extensions.fields names each field and reason), a company or admin e-mail that signed up already is CONFLICT.")
    public Uni<@NonNull SignUpPayload> signUp(@Name("input") @NonNull SignUpInput input) {
        return onboarding.signUp(input, null).onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("verifySignUp")
    @Description("Public, no token: the admin follows the mailed link with the chosen password (at least 12 characters); "
            + "the tenant becomes ACTIVE. The link works once.")
    public Uni<@NonNull SignUpPayload> verifySignUp(@Name("token") @NonNull String token, @Name("password") @NonNull String password) {
        return onboarding.verify(new VerifyBody(token, password), null).onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("tenantSettings")
    @Description("Your tenant's settings.")
    public Uni<@NonNull TenantSettingsNode> tenantSettings() {
        return caller.withAnyRole(onboarding::tenantSettings, Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER)
                .onFailure().transform(GraphQLErrors::toClientError);
    }
}

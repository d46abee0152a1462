package io.agiledunning.api.onboarding;

import io.agiledunning.api.errors.GraphQLErrors;
import io.agiledunning.api.errors.GraphQLIds;
import io.agiledunning.api.onboarding.OnboardingTypes.ApiClientCredentials;
import io.agiledunning.api.onboarding.OnboardingTypes.ApiClientNode;
import io.agiledunning.api.onboarding.OnboardingTypes.CreateApiClientInput;
import io.agiledunning.api.onboarding.OnboardingTypes.InvitationAccepted;
import io.agiledunning.api.onboarding.OnboardingTypes.InviteUserInput;
import io.agiledunning.api.onboarding.OnboardingTypes.SignUpInput;
import io.agiledunning.api.onboarding.OnboardingTypes.SignUpPayload;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantNode;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantSettingsChangeNode;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantSettingsInput;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantSettingsNode;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantUserNode;
import io.agiledunning.api.onboarding.OnboardingTypes.VerifyBody;
import io.agiledunning.api.security.Caller;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import java.util.List;
import java.util.UUID;

import static io.agiledunning.api.security.Caller.READERS;

@GraphQLApi
public class OnboardingGraphQLApi {

    private final OnboardingGateway onboarding;
    private final TenantStatusGate gate;
    private final Caller caller;
    private final ClientAddresses clientAddresses;

    public OnboardingGraphQLApi(OnboardingGateway onboarding, TenantStatusGate gate, Caller caller, ClientAddresses clientAddresses) {
        this.onboarding = onboarding;
        this.gate = gate;
        this.caller = caller;
        this.clientAddresses = clientAddresses;
    }

    @Mutation("signUp")
    @Description("Public, no token: signs a company up and mails its admin a verification link. Invalid fields are VALIDATION "
            + "(extensions.fields names each field and reason), a company or admin e-mail that signed up already is CONFLICT. "
            + "Too many sign-ups from your address or e-mail domain are RATE_LIMITED (extensions.retryAfterSeconds).")
    public Uni<@NonNull SignUpPayload> signUp(@Name("input") @NonNull SignUpInput input) {
        String address = clientAddresses.current();
        return onboarding.signUp(input, null, address).onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("verifySignUp")
    @Description("Public, no token: the admin follows the mailed link with the chosen password (at least 12 characters); "
            + "the tenant becomes ACTIVE. The link works once.")
    public Uni<@NonNull SignUpPayload> verifySignUp(@Name("token") @NonNull String token, @Name("password") @NonNull String password) {
        return onboarding.verify(new VerifyBody(token, password), null).onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("resendVerificationMail")
    @Description("Public, no token: mails a new verification link to the admin of a sign-up still waiting for verification; "
            + "the earlier link stops working. Answers true whether or not such a sign-up exists (it tells nobody who signed up). "
            + "Rate limited like signUp.")
    public Uni<@NonNull Boolean> resendVerificationMail(@Name("email") @NonNull String email) {
        String address = clientAddresses.current();
        return onboarding.resendVerification(email, address).replaceWith(Boolean.TRUE).onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("tenantSettings")
    @Description("Your tenant's settings.")
    public Uni<@NonNull TenantSettingsNode> tenantSettings() {
        return caller.withAnyRole(onboarding::tenantSettings, READERS)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("changeTenantSettings")
    @Description("Tenant admins: replaces your tenant's settings (a new version, recorded field by field). Every invalid "
            + "field is VALIDATION (extensions.fields), a version other than the current one CONFLICT (reload and retry).")
    public Uni<@NonNull TenantSettingsNode> changeTenantSettings(@Name("input") @NonNull TenantSettingsInput input) {
        return caller.withAnyRole(() -> onboarding.changeTenantSettings(input), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("tenantSettingsHistory")
    @Description("Tenant admins: who changed which setting from what to what, newest first (last 1–500 field changes).")
    public Uni<@NonNull List<@NonNull TenantSettingsChangeNode>> tenantSettingsHistory(@Name("last") @DefaultValue("100") int last) {
        return caller.withAnyRole(() -> onboarding.tenantSettingsHistory(last), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("tenants")
    @Description("Platform admins: tenants, newest first (at most 100); search matches slug or legal name, status filters.")
    public Uni<@NonNull List<@NonNull TenantNode>> tenants(@Name("search") String search, @Name("status") String status) {
        return caller.withAnyRole(() -> onboarding.tenants(search, status), Roles.PLATFORM_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("suspendTenant")
    @Description("Platform admins: suspends a tenant. Its users' next request is FORBIDDEN (tenant suspended), its "
            + "organization is disabled and its sessions end; nothing is deleted. Repeating it is harmless.")
    public Uni<@NonNull TenantNode> suspendTenant(@Name("tenantId") @Id @NonNull String tenantId, @Name("reason") @NonNull String reason) {
        return caller.withAnyRole(() -> tenantId(tenantId).chain(id -> onboarding.suspend(id, reason, null)
                        .invoke(() -> gate.forget(id))), Roles.PLATFORM_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("reactivateTenant")
    @Description("Platform admins: lifts a suspension; the tenant's users get through again.")
    public Uni<@NonNull TenantNode> reactivateTenant(@Name("tenantId") @Id @NonNull String tenantId) {
        return caller.withAnyRole(() -> tenantId(tenantId).chain(id -> onboarding.reactivate(id, null)
                        .invoke(() -> gate.forget(id))), Roles.PLATFORM_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    private static Uni<UUID> tenantId(String id) {
        return GraphQLIds.parse(id, "tenant");
    }

    @Query("users")
    @Description("Tenant admins: your tenant's users.")
    public Uni<@NonNull List<@NonNull TenantUserNode>> users() {
        return caller.withAnyRole(onboarding::users, Roles.TENANT_ADMIN).onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("inviteUser")
    @Description("Tenant admins: creates a user in your tenant with the role and mails an invitation link. An e-mail address "
            + "that has an account already is CONFLICT; too many invitations from your address or into one e-mail domain RATE_LIMITED.")
    public Uni<@NonNull TenantUserNode> inviteUser(@Name("input") @NonNull InviteUserInput input) {
        String address = clientAddresses.current();
        return caller.withAnyRole(() -> onboarding.invite(input, address), Roles.TENANT_ADMIN).onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("changeUserRole")
    @Description("Tenant admins: gives a user of your tenant this role. Another tenant's user is NOT_FOUND; demoting the "
            + "last tenant-admin is CONFLICT.")
    public Uni<@NonNull TenantUserNode> changeUserRole(@Name("userId") @Id @NonNull String userId, @Name("role") @NonNull String role) {
        return caller.withAnyRole(() -> onboarding.changeRole(userId, role), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("removeUser")
    @Description("Tenant admins: deletes a user of your tenant; answers its id. Another tenant's user is NOT_FOUND; the last "
            + "tenant-admin is CONFLICT.")
    public Uni<@NonNull String> removeUser(@Name("userId") @Id @NonNull String userId) {
        return caller.withAnyRole(() -> onboarding.remove(userId).replaceWith(userId), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("acceptInvitation")
    @Description("Public, no token: the invited user's link token and chosen password (at least 12 characters). Works once.")
    public Uni<@NonNull InvitationAccepted> acceptInvitation(@Name("token") @NonNull String token, @Name("password") @NonNull String password) {
        return onboarding.accept(token, password).onFailure().transform(GraphQLErrors::toClientError);
    }

    @Query("apiClients")
    @Description("Tenant admins: your tenant's API clients (never their secrets).")
    public Uni<@NonNull List<@NonNull ApiClientNode>> apiClients() {
        return caller.withAnyRole(onboarding::apiClients, Roles.TENANT_ADMIN).onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("createApiClient")
    @Description("Tenant admins: a machine credential for your tenant with one role; get tokens with the client-credentials grant "
            + "of Keycloak's token endpoint. The secret is in this answer only.")
    public Uni<@NonNull ApiClientCredentials> createApiClient(@Name("input") @NonNull CreateApiClientInput input) {
        return caller.withAnyRole(() -> onboarding.createApiClient(input), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("rotateApiClientSecret")
    @Description("Tenant admins: a new secret for your API client, shown in this answer only; the old one gets no more tokens. "
            + "Another tenant's client is NOT_FOUND.")
    public Uni<@NonNull ApiClientCredentials> rotateApiClientSecret(@Name("clientId") @Id @NonNull String clientId) {
        return caller.withAnyRole(() -> onboarding.rotateApiClientSecret(clientId), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }

    @Mutation("revokeApiClient")
    @Description("Tenant admins: deletes your API client; it gets no more tokens (one already issued lives until it expires, "
            + "at most the realm's access token lifespan). Another tenant's client is NOT_FOUND.")
    public Uni<@NonNull ApiClientNode> revokeApiClient(@Name("clientId") @Id @NonNull String clientId) {
        return caller.withAnyRole(() -> onboarding.revokeApiClient(clientId), Roles.TENANT_ADMIN)
                .onFailure().transform(GraphQLErrors::toClientError);
    }
}

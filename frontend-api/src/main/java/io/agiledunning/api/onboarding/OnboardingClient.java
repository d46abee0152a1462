package io.agiledunning.api.onboarding;

import io.agiledunning.api.errors.ServiceErrorMapper;
import io.agiledunning.api.onboarding.OnboardingTypes.AcceptBody;
import io.agiledunning.api.onboarding.OnboardingTypes.ApiClientCredentials;
import io.agiledunning.api.onboarding.OnboardingTypes.ApiClientNode;
import io.agiledunning.api.onboarding.OnboardingTypes.CreateApiClientInput;
import io.agiledunning.api.onboarding.OnboardingTypes.InvitationAccepted;
import io.agiledunning.api.onboarding.OnboardingTypes.InviteUserInput;
import io.agiledunning.api.onboarding.OnboardingTypes.ResendBody;
import io.agiledunning.api.onboarding.OnboardingTypes.RoleBody;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantUserNode;
import io.agiledunning.api.onboarding.OnboardingTypes.SignUpInput;
import io.agiledunning.api.onboarding.OnboardingTypes.SignUpPayload;
import io.agiledunning.api.onboarding.OnboardingTypes.ReasonBody;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantNode;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantSettingsChangeNode;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantSettingsInput;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantSettingsNode;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantStatusBody;
import io.agiledunning.api.onboarding.OnboardingTypes.VerifyBody;
import io.agiledunning.api.security.PropagateCallerToken;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/** The onboarding service's REST API; sign-up and verification are public, the rest takes the caller's token. */
@Path("/api")
@RegisterRestClient(configKey = "onboarding")
@RegisterProvider(ServiceErrorMapper.class)
@RegisterProvider(PropagateCallerToken.class)
public interface OnboardingClient {

    @POST
    @Path("/sign-ups")
    Uni<SignUpPayload> signUp(SignUpInput input, @HeaderParam("X-Correlation-Id") String correlationId,
                              @HeaderParam("X-Forwarded-For") String clientAddress);

    @POST
    @Path("/sign-ups/verification")
    Uni<SignUpPayload> verify(VerifyBody body, @HeaderParam("X-Correlation-Id") String correlationId);

    @POST
    @Path("/sign-ups/verification-mail")
    Uni<Void> resendVerification(ResendBody body, @HeaderParam("X-Forwarded-For") String clientAddress);

    @GET
    @Path("/tenant-settings")
    Uni<TenantSettingsNode> tenantSettings();

    @PUT
    @Path("/tenant-settings")
    Uni<TenantSettingsNode> changeTenantSettings(TenantSettingsInput input, @HeaderParam("X-Correlation-Id") String correlationId);

    @GET
    @Path("/tenant-settings/changes")
    Uni<List<TenantSettingsChangeNode>> tenantSettingsHistory(@QueryParam("limit") int limit);

    @GET
    @Path("/tenant-status")
    Uni<TenantStatusBody> tenantStatus();

    @GET
    @Path("/tenants")
    Uni<List<TenantNode>> tenants(@QueryParam("search") String search, @QueryParam("status") String status);

    @POST
    @Path("/tenants/{tenantId}/suspension")
    Uni<TenantNode> suspend(@PathParam("tenantId") UUID tenantId, ReasonBody body, @HeaderParam("X-Correlation-Id") String correlationId);

    @POST
    @Path("/tenants/{tenantId}/offboarding")
    Uni<TenantNode> offboard(@PathParam("tenantId") UUID tenantId, ReasonBody body, @HeaderParam("X-Correlation-Id") String correlationId);

    @DELETE
    @Path("/tenants/{tenantId}/suspension")
    Uni<TenantNode> reactivate(@PathParam("tenantId") UUID tenantId, @HeaderParam("X-Correlation-Id") String correlationId);

    @GET
    @Path("/users")
    Uni<List<TenantUserNode>> users();

    @POST
    @Path("/users")
    Uni<TenantUserNode> invite(InviteUserInput input, @HeaderParam("X-Forwarded-For") String clientAddress);

    @PUT
    @Path("/users/{userId}/role")
    Uni<TenantUserNode> changeRole(@PathParam("userId") String userId, RoleBody body);

    @DELETE
    @Path("/users/{userId}")
    Uni<Void> remove(@PathParam("userId") String userId);

    @POST
    @Path("/invitations/acceptance")
    Uni<InvitationAccepted> accept(AcceptBody body);

    @GET
    @Path("/api-clients")
    Uni<List<ApiClientNode>> apiClients();

    @POST
    @Path("/api-clients")
    Uni<ApiClientCredentials> createApiClient(CreateApiClientInput input, @HeaderParam("X-Correlation-Id") String correlationId);

    @POST
    @Path("/api-clients/{clientId}/secret")
    Uni<ApiClientCredentials> rotateApiClientSecret(@PathParam("clientId") String clientId, @HeaderParam("X-Correlation-Id") String correlationId);

    @DELETE
    @Path("/api-clients/{clientId}")
    Uni<ApiClientNode> revokeApiClient(@PathParam("clientId") String clientId, @HeaderParam("X-Correlation-Id") String correlationId);
}

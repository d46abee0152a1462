package io.agiledunning.api.onboarding;

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
import io.agiledunning.common.errors.ApiException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Every call to the onboarding service goes through here, with a circuit breaker per method. A sign-up
 * talks to Keycloak and the mail server several times: it gets 20 s and is not retried here (the client
 * re-sends; the saga resumes an unfinished sign-up). Reads get 3 s and two retries.
 */
@ApplicationScoped
@Timeout(value = 5, unit = ChronoUnit.SECONDS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
        skipOn = ApiException.class)
public class OnboardingGateway {

    private final OnboardingClient client;

    public OnboardingGateway(@RestClient OnboardingClient client) {
        this.client = client;
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    public Uni<SignUpPayload> signUp(SignUpInput input, String correlationId, String clientAddress) {
        return client.signUp(input, correlationId, clientAddress);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<SignUpPayload> verify(VerifyBody body, String correlationId) {
        return client.verify(body, correlationId);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<Void> resendVerification(String email, String clientAddress) {
        return client.resendVerification(new ResendBody(email), clientAddress);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<TenantSettingsNode> tenantSettings() {
        return client.tenantSettings();
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    public Uni<TenantSettingsNode> changeTenantSettings(TenantSettingsInput input) {
        return client.changeTenantSettings(input, null);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<List<TenantSettingsChangeNode>> tenantSettingsHistory(int limit) {
        return client.tenantSettingsHistory(limit);
    }

    /** Asked before every call of a tenant's user (see {@link TenantStatusGate}); short, not retried. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    public Uni<TenantStatusBody> tenantStatus() {
        return client.tenantStatus();
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<List<TenantNode>> tenants(String search, String status) {
        return client.tenants(search, status);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<TenantNode> suspend(UUID tenantId, String reason, String correlationId) {
        return client.suspend(tenantId, new ReasonBody(reason), correlationId);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<TenantNode> offboard(UUID tenantId, String reason, String correlationId) {
        return client.offboard(tenantId, new ReasonBody(reason), correlationId);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<TenantNode> reactivate(UUID tenantId, String correlationId) {
        return client.reactivate(tenantId, correlationId);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<List<TenantUserNode>> users() {
        return client.users();
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<TenantUserNode> invite(InviteUserInput input, String clientAddress) {
        return client.invite(input, clientAddress);
    }

    public Uni<TenantUserNode> changeRole(String userId, String role) {
        return client.changeRole(userId, new RoleBody(role));
    }

    public Uni<Void> remove(String userId) {
        return client.remove(userId);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<InvitationAccepted> accept(String token, String password) {
        return client.accept(new AcceptBody(token, password));
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    public Uni<List<ApiClientNode>> apiClients() {
        return client.apiClients();
    }

    /** Not retried: a retry after a lost answer would create a second client; the caller sees UNAVAILABLE and lists. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<ApiClientCredentials> createApiClient(CreateApiClientInput input) {
        return client.createApiClient(input, null);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<ApiClientCredentials> rotateApiClientSecret(String clientId) {
        return client.rotateApiClientSecret(clientId, null);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public Uni<ApiClientNode> revokeApiClient(String clientId) {
        return client.revokeApiClient(clientId, null);
    }
}

package io.agiledunning.api.onboarding;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.tenancy.OrganizationClaim;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a tenant's users through only while their tenant is ACTIVE. Access tokens are verified locally and
 * stay valid until they expire, so a suspension must be enforced here, where every external request
 * enters. The tenant's status is asked of onboarding (with the caller's own token) and remembered for at
 * most {@link #TTL}; suspending or reactivating through this API forgets it at once. Callers acting for
 * no tenant (platform admins, anonymous sign-ups) pass.
 */
@ApplicationScoped
public class TenantStatusGate {

    static final Duration TTL = Duration.ofSeconds(1);
    private static final String ACTIVE = "ACTIVE";

    private record Known(String status, Instant until) {
    }

    private final OnboardingGateway onboarding;
    private final Clock clock;
    private final Map<UUID, Known> known = new ConcurrentHashMap<>();

    public TenantStatusGate(OnboardingGateway onboarding, Clock clock) {
        this.onboarding = onboarding;
        this.clock = clock;
    }

    public Uni<Void> requireActive(SecurityIdentity identity) {
        Optional<UUID> tenant = tenantOf(identity);
        if (tenant.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Known cached = known.get(tenant.get());
        Uni<String> status = cached != null && clock.instant().isBefore(cached.until())
                ? Uni.createFrom().item(cached.status())
                : onboarding.tenantStatus().map(answer -> {
                    known.put(tenant.get(), new Known(answer.status(), clock.instant().plus(TTL)));
                    return answer.status();
                });
        return status.invoke(TenantStatusGate::requireActive).replaceWithVoid();
    }

    /** Called when this process changed the tenant's status: the next request asks again. */
    public void forget(UUID tenant) {
        known.remove(tenant);
    }

    private static void requireActive(String status) {
        if ("SUSPENDED".equals(status)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "tenant suspended: your organization's access is suspended; contact the platform operator");
        }
        if ("OFFBOARDED".equals(status)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "tenant offboarded: your organization's contract has ended; contact the platform operator for your data export");
        }
        if (!ACTIVE.equals(status)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "tenant not active (%s)".formatted(status));
        }
    }

    private static Optional<UUID> tenantOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        try {
            return OrganizationClaim.parse(token.getClaim(OrganizationClaim.NAME)).map(m -> m.tenantId().value());
        } catch (IllegalArgumentException e) {
            throw ApiException.forbidden(e.getMessage());
        }
    }
}

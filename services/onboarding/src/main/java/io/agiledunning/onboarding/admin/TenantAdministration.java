package io.agiledunning.onboarding.admin;

import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.events.TenantOffboarded;
import io.agiledunning.common.events.TenantReactivated;
import io.agiledunning.common.events.TenantSuspended;
import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.onboarding.signup.KeycloakDirectory;
import io.agiledunning.onboarding.signup.Tenant;
import io.agiledunning.onboarding.signup.TenantRegistry;
import io.agiledunning.onboarding.signup.TenantStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What platform admins do with tenants. Suspension is recorded first (the API refuses the tenant's
 * tokens from the next request on), then applied in Keycloak (organization disabled, sessions ended);
 * reactivation the other way round. Both are safe to repeat: a repeat re-applies the Keycloak side
 * without a second event.
 */
@ApplicationScoped
public class TenantAdministration {

    private static final int MAX_RESULTS = 100;

    private final TenantRegistry registry;
    private final KeycloakDirectory directory;
    private final TenantTransactions transactions;
    private final Outbox outbox;
    private final Clock clock;

    public TenantAdministration(TenantRegistry registry, KeycloakDirectory directory, TenantTransactions transactions, Outbox outbox,
                                Clock clock) {
        this.registry = registry;
        this.directory = directory;
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<List<Tenant>> search(String search, TenantStatus status) {
        return registry.search(search, status, MAX_RESULTS);
    }

    /**
     * The status the API enforces for the caller's tenant. A tenant provisioned outside the sign-up (no
     * row: the demo tenant, test tenants) is ACTIVE.
     */
    public Uni<TenantStatus> statusOf(TenantId tenant) {
        return registry.findByOrganization(tenant.value()).map(found -> found.map(Tenant::status).orElse(TenantStatus.ACTIVE));
    }

    public Uni<Tenant> suspend(UUID tenantId, String reason, String by, String correlationId) {
        return existing(tenantId).chain(tenant -> switch (tenant.status()) {
            case SUSPENDED -> Uni.createFrom().item(tenant);
            case ACTIVE, PENDING_VERIFICATION -> transactions.inTransaction(new TenantId(tenantId), session ->
                    registry.update(session, tenant.id(), t -> t.suspend(clock.instant()))
                            .call(t -> outbox.append(session, new TenantId(tenantId), tenantId, new TenantSuspended(t.slug(), reason, by),
                                    correlationId)));
            case SIGNING_UP -> Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                    "tenant %s has not finished signing up".formatted(tenantId)));
            case OFFBOARDED -> Uni.createFrom().failure(offboarded(tenantId));
        }).call(tenant -> directory.setOrganizationEnabled(tenantId, false));
    }

    /**
     * Ends the tenant's contract (docs/offboarding.md): recorded first, so the API refuses the tenant's users and
     * clients from the next request on, then its organization is disabled in Keycloak. Every data service learns the
     * day from {@code TenantOffboarded}; retention counts from it. A repeat changes nothing but re-disables the
     * organization.
     */
    public Uni<Tenant> offboard(UUID tenantId, String reason, String by, String correlationId) {
        return existing(tenantId).chain(tenant -> switch (tenant.status()) {
            case OFFBOARDED -> Uni.createFrom().item(tenant);
            case ACTIVE, PENDING_VERIFICATION, SUSPENDED -> transactions.inTransaction(new TenantId(tenantId), session ->
                    registry.update(session, tenant.id(), t -> t.offboard(LocalDate.now(clock), clock.instant()))
                            .call(t -> outbox.append(session, new TenantId(tenantId), tenantId,
                                    new TenantOffboarded(t.slug(), reason, by, t.offboardedOn().orElseThrow()), correlationId)));
            case SIGNING_UP -> Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                    "tenant %s has not finished signing up".formatted(tenantId)));
        }).call(tenant -> directory.setOrganizationEnabled(tenantId, false));
    }

    public Uni<Tenant> reactivate(UUID tenantId, String by, String correlationId) {
        return existing(tenantId).chain(tenant -> switch (tenant.status()) {
            case ACTIVE -> directory.setOrganizationEnabled(tenantId, true).replaceWith(tenant);
            case SUSPENDED -> directory.setOrganizationEnabled(tenantId, true)
                    .chain(() -> transactions.inTransaction(new TenantId(tenantId), session ->
                            registry.update(session, tenant.id(), t -> t.reactivate(clock.instant()))
                                    .call(t -> outbox.append(session, new TenantId(tenantId), tenantId, new TenantReactivated(t.slug(), by),
                                            correlationId))));
            case SIGNING_UP, PENDING_VERIFICATION -> Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT,
                    "tenant %s is %s, not suspended".formatted(tenantId, tenant.status())));
            case OFFBOARDED -> Uni.createFrom().failure(offboarded(tenantId));
        });
    }

    private static ApiException offboarded(UUID tenantId) {
        return new ApiException(ErrorCode.CONFLICT, "tenant %s is offboarded; offboarding is final".formatted(tenantId));
    }

    private Uni<Tenant> existing(UUID tenantId) {
        return registry.findByOrganization(tenantId)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("tenant", tenantId)));
    }
}

package io.agiledunning.api.platform;

import io.agiledunning.api.onboarding.OnboardingGateway;
import io.agiledunning.api.onboarding.OnboardingTypes.TenantNode;
import io.agiledunning.api.onboarding.TenantStatusGate;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.retention.RetentionSchedule;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant's offboarding across the platform (docs/offboarding.md): onboarding ends the contract (the tenant's users
 * and clients are refused from then on, {@code TenantOffboarded} stops its dunning), then every data service records
 * the day its retention counts from. Each step is idempotent, so a failed offboarding is completed by repeating it.
 */
@ApplicationScoped
public class TenantOffboarding {

    /** One service's answer: what it keeps until when, or nothing recorded there (yet). */
    public record ServiceRetention(String service, RetentionSchedule schedule) {
    }

    private final OnboardingGateway onboarding;
    private final TenantDataServices services;
    private final TenantStatusGate gate;

    public TenantOffboarding(OnboardingGateway onboarding, TenantDataServices services, TenantStatusGate gate) {
        this.onboarding = onboarding;
        this.services = services;
        this.gate = gate;
    }

    public Uni<TenantNode> offboard(UUID tenantId, String reason) {
        return onboarding.offboard(tenantId, reason, null)
                .invoke(() -> gate.forget(tenantId))
                .call(tenant -> {
                    LocalDate offboardedOn = LocalDate.parse(tenant.offboardedOn());
                    return Multi.createFrom().iterable(services.all().values())
                            .onItem().transformToUniAndConcatenate(service ->
                                    service.offboarded(tenantId, new TenantDataClient.OffboardingNotice(offboardedOn)))
                            .collect().asList();
                });
    }

    public Uni<List<ServiceRetention>> retention(UUID tenantId) {
        return Multi.createFrom().iterable(services.all().entrySet())
                .onItem().transformToUniAndConcatenate((Map.Entry<String, TenantDataClient> service) -> service.getValue().retention(tenantId)
                        .map(schedule -> new ServiceRetention(service.getKey(), schedule))
                        .onFailure(TenantOffboarding::notRecorded).recoverWithItem(new ServiceRetention(service.getKey(), null)))
                .collect().asList();
    }

    private static boolean notRecorded(Throwable failure) {
        return failure instanceof ApiException e && e.code() == ErrorCode.NOT_FOUND;
    }
}

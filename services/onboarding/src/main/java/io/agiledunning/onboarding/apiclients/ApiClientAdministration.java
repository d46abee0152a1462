package io.agiledunning.onboarding.apiclients;

import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.events.ApiClientCreated;
import io.agiledunning.common.events.ApiClientRevoked;
import io.agiledunning.common.events.ApiClientSecretRotated;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.tenancy.TenantContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Tenant admins manage their tenant's machine credentials; the tenant is always the caller's own. Keycloak is
 * changed first, then the fact is published; a creation whose event cannot be written is undone, so no
 * client exists that was never announced.
 */
@ApplicationScoped
public class ApiClientAdministration {

    private final KeycloakApiClients clients;
    private final TenantTransactions transactions;
    private final Outbox outbox;
    private final Clock clock;

    public ApiClientAdministration(KeycloakApiClients clients, TenantTransactions transactions, Outbox outbox, Clock clock) {
        this.clients = clients;
        this.transactions = transactions;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Uni<List<ApiClient>> list(TenantContext caller) {
        return clients.list(caller);
    }

    public Uni<ApiClient.WithSecret> create(TenantContext caller, ApiClientRequest.Valid request, String correlationId) {
        return clients.create(caller, request.name(), request.role(), clock.instant())
                .call(created -> publish(caller, created.client().clientId(),
                        new ApiClientCreated(created.client().clientId(), created.client().name(), created.client().role().realmRole(),
                                caller.subject()), correlationId)
                        .onFailure().call(failure -> clients.revoke(caller, created.client().clientId()).onFailure().recoverWithNull()));
    }

    public Uni<ApiClient.WithSecret> rotate(TenantContext caller, String clientId, String correlationId) {
        return clients.rotate(caller, clientId, clock.instant())
                .call(rotated -> publish(caller, clientId, new ApiClientSecretRotated(clientId, caller.subject()), correlationId));
    }

    public Uni<ApiClient> revoke(TenantContext caller, String clientId, String correlationId) {
        return clients.revoke(caller, clientId)
                .call(revoked -> publish(caller, clientId, new ApiClientRevoked(clientId, caller.subject()), correlationId));
    }

    private Uni<?> publish(TenantContext caller, String clientId, DomainEvent event, String correlationId) {
        return transactions.inTransaction(caller.tenantId(), session -> outbox.append(session, caller.tenantId(), clientId, event, correlationId));
    }
}

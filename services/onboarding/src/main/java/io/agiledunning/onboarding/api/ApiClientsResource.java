package io.agiledunning.onboarding.api;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.onboarding.apiclients.ApiClient;
import io.agiledunning.onboarding.apiclients.ApiClientAdministration;
import io.agiledunning.onboarding.apiclients.ApiClientRequest;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.Instant;
import java.util.List;

/** The caller's tenant's API clients (tenant admins only). The secret appears only in the answers of create and rotate. */
@Path("/api/api-clients")
@RolesAllowed(Roles.TENANT_ADMIN)
public class ApiClientsResource {

    public record ApiClientView(String clientId, String name, String role, Instant createdAt, Instant lastRotatedAt) {
        static ApiClientView of(ApiClient client) {
            return new ApiClientView(client.clientId(), client.name(), client.role().realmRole(), client.createdAt(), client.lastRotatedAt());
        }
    }

    public record ApiClientCredentials(String clientId, String name, String role, Instant createdAt, Instant lastRotatedAt, String secret) {
        static ApiClientCredentials of(ApiClient.WithSecret created) {
            ApiClient client = created.client();
            return new ApiClientCredentials(client.clientId(), client.name(), client.role().realmRole(), client.createdAt(),
                    client.lastRotatedAt(), created.secret());
        }
    }

    private final ApiClientAdministration clients;
    private final CurrentTenant currentTenant;

    public ApiClientsResource(ApiClientAdministration clients, CurrentTenant currentTenant) {
        this.clients = clients;
        this.currentTenant = currentTenant;
    }

    @GET
    public Uni<List<ApiClientView>> list() {
        return clients.list(currentTenant.require()).map(list -> list.stream().map(ApiClientView::of).toList());
    }

    @POST
    @ResponseStatus(201)
    public Uni<ApiClientCredentials> create(ApiClientRequest request, @HeaderParam("X-Correlation-Id") String correlationId) {
        if (request == null) {
            throw ApiException.invalid("body", "must not be empty");
        }
        return clients.create(currentTenant.require(), request.validate(), correlationId).map(ApiClientCredentials::of);
    }

    @POST
    @Path("/{clientId}/secret")
    public Uni<ApiClientCredentials> rotate(@PathParam("clientId") String clientId, @HeaderParam("X-Correlation-Id") String correlationId) {
        return clients.rotate(currentTenant.require(), clientId, correlationId).map(ApiClientCredentials::of);
    }

    @DELETE
    @Path("/{clientId}")
    public Uni<ApiClientView> revoke(@PathParam("clientId") String clientId, @HeaderParam("X-Correlation-Id") String correlationId) {
        return clients.revoke(currentTenant.require(), clientId, correlationId).map(ApiClientView::of);
    }
}

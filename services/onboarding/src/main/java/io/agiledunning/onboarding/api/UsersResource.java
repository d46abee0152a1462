package io.agiledunning.onboarding.api;

import io.agiledunning.onboarding.abuse.ClientAddress;
import io.agiledunning.onboarding.abuse.RateLimit;
import io.agiledunning.onboarding.abuse.RateLimitConfig;
import io.agiledunning.onboarding.abuse.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.tenancy.CurrentTenant;
import io.agiledunning.common.tenancy.Roles;
import io.agiledunning.onboarding.users.Invitation;
import io.agiledunning.onboarding.users.TenantRole;
import io.agiledunning.onboarding.users.TenantUsers.TenantUser;
import io.agiledunning.onboarding.users.UserAdministration;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.List;
import java.util.UUID;

/** The caller's tenant's users (tenant admins), and the public acceptance of an invitation. */
@Path("/api")
public class UsersResource {

    public record UserView(String id, String email, String firstName, String lastName, String role, boolean emailVerified) {
        static UserView of(TenantUser user) {
            return new UserView(user.id(), user.email(), user.firstName(), user.lastName(), user.role().realmRole(), user.emailVerified());
        }
    }

    public record RoleRequest(String role) {
    }

    public record AcceptRequest(String token, String password) {
    }

    public record Accepted(UUID tenantId) {
    }

    private final UserAdministration users;
    private final CurrentTenant currentTenant;
    private final RateLimiter limiter;
    private final RateLimitConfig limits;

    public UsersResource(UserAdministration users, CurrentTenant currentTenant, RateLimiter limiter, RateLimitConfig limits) {
        this.users = users;
        this.currentTenant = currentTenant;
        this.limiter = limiter;
        this.limits = limits;
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<List<UserView>> list() {
        return users.list(currentTenant.require()).map(list -> list.stream().map(UserView::of).toList());
    }

    @POST
    @Path("/users")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(201)
    public Uni<UserView> invite(Invitation.Request request, @HeaderParam(ClientAddress.HEADER) String forwardedFor,
                                @Context HttpServerRequest http) {
        if (request == null) {
            throw ApiException.invalid("body", "must not be empty");
        }
        var caller = currentTenant.require();
        return limiter.spend(RateLimit.invitation(limits, ClientAddress.of(forwardedFor, http), request.email()))
                .chain(() -> users.invite(caller, Invitation.validate(request)))
                .map(UserView::of);
    }

    @PUT
    @Path("/users/{userId}/role")
    @RolesAllowed(Roles.TENANT_ADMIN)
    public Uni<UserView> changeRole(@PathParam("userId") String userId, RoleRequest request) {
        TenantRole role = TenantRole.parse("role", request == null ? null : request.role());
        return users.changeRole(currentTenant.require(), userId, role).map(UserView::of);
    }

    @DELETE
    @Path("/users/{userId}")
    @RolesAllowed(Roles.TENANT_ADMIN)
    @ResponseStatus(204)
    public Uni<Void> remove(@PathParam("userId") String userId) {
        return users.remove(currentTenant.require(), userId);
    }

    @POST
    @Path("/invitations/acceptance")
    @PermitAll
    public Uni<Accepted> accept(AcceptRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "must not be empty");
        }
        return users.accept(request.token(), request.password()).map(Accepted::new);
    }
}

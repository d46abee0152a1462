package io.agiledunning.api.security;

import io.agiledunning.api.errors.GraphQLApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.tenancy.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Role checks for GraphQL operations. Written out (not {@code @RolesAllowed}) so an anonymous caller gets
 * {@code UNAUTHENTICATED} and a caller without the role {@code FORBIDDEN} in {@code extensions.code}.
 * The services check the same roles again on their own.
 */
@RequestScoped
public class Caller {

    /** Everyone of a tenant: what reading its data needs. */
    public static final String[] READERS = {Roles.TENANT_ADMIN, Roles.TENANT_AGENT, Roles.TENANT_VIEWER};
    /** Who works a tenant's cases: what changing them needs. */
    public static final String[] WRITERS = {Roles.TENANT_ADMIN, Roles.TENANT_AGENT};

    private final SecurityIdentity identity;

    public Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** Runs {@code operation} if the caller holds one of {@code roles}, or fails with the reason. */
    public <T> Uni<T> withAnyRole(Supplier<Uni<? extends T>> operation, String... roles) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().failure(new GraphQLApiException(ErrorCode.UNAUTHENTICATED, "sign in first: this operation needs a valid access token"));
        }
        if (Arrays.stream(roles).noneMatch(identity::hasRole)) {
            return Uni.createFrom().failure(new GraphQLApiException(ErrorCode.FORBIDDEN,
                    "this operation needs one of the roles " + String.join(", ", roles)));
        }
        return Uni.createFrom().deferred(operation);
    }
}

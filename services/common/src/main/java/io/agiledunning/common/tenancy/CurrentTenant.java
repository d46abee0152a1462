package io.agiledunning.common.tenancy;

import io.agiledunning.common.errors.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** The tenant of the current request, taken only from the verified access token. */
@RequestScoped
public class CurrentTenant {

    private final SecurityIdentity identity;
    private TenantContext resolved;

    public CurrentTenant(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** @throws ApiException FORBIDDEN when the caller acts for no tenant (e.g. a platform admin) */
    public TenantContext require() {
        return find().orElseThrow(() -> ApiException.forbidden("this operation needs a tenant; your token names none"));
    }

    public Optional<TenantContext> find() {
        if (resolved == null && identity.getPrincipal() instanceof JsonWebToken token) {
            try {
                resolved = OrganizationClaim.parse(token.getClaim(OrganizationClaim.NAME))
                        .map(m -> new TenantContext(m.tenantId(), m.alias(), token.getSubject(), identity.getRoles()))
                        .orElse(null);
            } catch (IllegalArgumentException e) {
                throw ApiException.forbidden(e.getMessage());
            }
        }
        return Optional.ofNullable(resolved);
    }
}

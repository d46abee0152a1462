package io.agiledunning.common.tenancy;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, for which tenant. Built only from a verified access token (or, for debtor links and
 * webhooks, from the server-side record they resolve to) — never from a request argument.
 *
 * @param tenantId    the caller's organization
 * @param tenantAlias the organization's alias (the tenant slug)
 * @param subject     the token subject, recorded in audit trails
 * @param roles       realm roles of the caller
 */
public record TenantContext(TenantId tenantId, String tenantAlias, String subject, Set<String> roles) {

    public TenantContext {
        Objects.requireNonNull(tenantId, "tenantId");
        roles = Set.copyOf(roles);
    }

    /** For work the platform does on a tenant's behalf (event consumers, schedulers). */
    public static TenantContext system(TenantId tenantId) {
        return new TenantContext(tenantId, null, "system", Set.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}

package io.agiledunning.onboarding.users;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.tenancy.Roles;

import java.util.Arrays;
import java.util.Optional;

/** The roles a tenant admin hands out; exactly one per user. */
public enum TenantRole {
    TENANT_ADMIN(Roles.TENANT_ADMIN),
    TENANT_AGENT(Roles.TENANT_AGENT),
    TENANT_VIEWER(Roles.TENANT_VIEWER);

    private final String realmRole;

    TenantRole(String realmRole) {
        this.realmRole = realmRole;
    }

    public String realmRole() {
        return realmRole;
    }

    public static Optional<TenantRole> ofRealmRole(String name) {
        return Arrays.stream(values()).filter(r -> r.realmRole.equals(name)).findFirst();
    }

    /** Accepts {@code tenant-agent} as well as {@code TENANT_AGENT}. */
    public static TenantRole parse(String field, String value) {
        if (value != null) {
            for (TenantRole role : values()) {
                if (role.realmRole.equalsIgnoreCase(value.strip()) || role.name().equalsIgnoreCase(value.strip())) {
                    return role;
                }
            }
        }
        throw ApiException.invalid(field, "must be one of tenant-admin, tenant-agent, tenant-viewer");
    }
}

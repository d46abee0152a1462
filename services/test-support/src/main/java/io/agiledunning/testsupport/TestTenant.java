package io.agiledunning.testsupport;

import java.util.UUID;

/**
 * A tenant: a Keycloak organization whose three members are {@code admin-<alias>},
 * {@code agent-<alias>} and {@code viewer-<alias>} (password {@link TestTenants#PASSWORD}).
 * Tokens are fetched fresh on each call (they live 5 minutes).
 *
 * @param id    the organization id, which the {@code organization} claim carries and services use as tenant id
 * @param alias the organization alias, the key of the {@code organization} claim
 */
public record TestTenant(UUID id, String alias) {

    public String username(TenantRole role) {
        return role.username(alias);
    }

    /** An access token of this tenant's user with the given role. */
    public String tokenFor(TenantRole role) {
        return TestTenants.passwordToken(username(role), TestTenants.PASSWORD);
    }

    public String adminToken() {
        return tokenFor(TenantRole.ADMIN);
    }

    public String agentToken() {
        return tokenFor(TenantRole.AGENT);
    }

    public String viewerToken() {
        return tokenFor(TenantRole.VIEWER);
    }
}

package io.agiledunning.testsupport;

/** The realm roles a tenant's users hold, and the username prefix of each test user. */
public enum TenantRole {
    ADMIN("tenant-admin", "admin"),
    AGENT("tenant-agent", "agent"),
    VIEWER("tenant-viewer", "viewer");

    private final String realmRole;
    private final String usernamePrefix;

    TenantRole(String realmRole, String usernamePrefix) {
        this.realmRole = realmRole;
        this.usernamePrefix = usernamePrefix;
    }

    /** E.g. {@code tenant-agent}, as found in {@code realm_access.roles}. */
    public String realmRole() {
        return realmRole;
    }

    /** E.g. {@code agent-acme-3f9k2}. */
    public String username(String tenantAlias) {
        return usernamePrefix + "-" + tenantAlias;
    }
}

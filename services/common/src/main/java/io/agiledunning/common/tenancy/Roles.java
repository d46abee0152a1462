package io.agiledunning.common.tenancy;

/** Realm roles issued by Keycloak; see deploy/keycloak/agile-dunning-realm.json. */
public final class Roles {
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String TENANT_AGENT = "tenant-agent";
    public static final String TENANT_VIEWER = "tenant-viewer";

    private Roles() {
    }
}

package io.agiledunning.common.tenancy;

import java.util.Objects;
import java.util.UUID;

/** A tenant is a Keycloak organization; its id is the organization's id. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant id");
    }

    public static TenantId of(String value) {
        return new TenantId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package io.agiledunning.onboarding.apiclients;

import io.agiledunning.onboarding.users.TenantRole;

import java.time.Instant;

/** A tenant's machine credential as tenant admins see it: never its secret. */
public record ApiClient(String clientId, String name, TenantRole role, Instant createdAt, Instant lastRotatedAt) {

    /** The answer of a creation or rotation: the only moment the secret is shown. */
    public record WithSecret(ApiClient client, String secret) {
    }
}

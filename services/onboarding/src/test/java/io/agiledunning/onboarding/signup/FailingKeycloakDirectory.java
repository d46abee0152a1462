package io.agiledunning.onboarding.signup;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import org.keycloak.admin.client.Keycloak;

/**
 * The real directory, except that a test can make Keycloak "unreachable" from a chosen point on: after
 * {@link #failFromAdminCreation} the admin's creation fails (the organization exists by then), and with
 * {@code compensationToo} the compensation fails as well. Disarmed, it changes nothing.
 */
@Alternative
@Priority(1)
@Singleton
public class FailingKeycloakDirectory extends KeycloakDirectory {

    private volatile boolean failAdminCreation;
    private volatile boolean failCompensation;

    public FailingKeycloakDirectory(Keycloak keycloak, OnboardingConfig config) {
        super(keycloak, config);
    }

    public void failFromAdminCreation(boolean compensationToo) {
        failAdminCreation = true;
        failCompensation = compensationToo;
    }

    public void disarm() {
        failAdminCreation = false;
        failCompensation = false;
    }

    @Override
    public Uni<String> ensureAdmin(Tenant tenant) {
        return failAdminCreation ? unreachable() : super.ensureAdmin(tenant);
    }

    @Override
    public Uni<Void> removeSignUp(Tenant tenant) {
        return failCompensation ? unreachable() : super.removeSignUp(tenant);
    }

    private static <T> Uni<T> unreachable() {
        return Uni.createFrom().failure(new ApiException(ErrorCode.UNAVAILABLE, "the identity provider is unreachable; please retry"));
    }
}

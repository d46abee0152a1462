package io.agiledunning.onboarding.signup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "agiledunning.onboarding")
public interface OnboardingConfig {

    /** The realm whose organizations are the tenants. */
    @WithDefault("agile-dunning")
    String realm();

    /**
     * Keycloak wants a domain per organization and domains are unique; each tenant gets
     * {@code <slug>.<organizationDomain>}, not the admin's mail domain (many companies share gmail.com).
     */
    @WithDefault("tenants.agiledunning.local")
    String organizationDomain();

    /** The sign-up page's verification address (frontend-api); the mail links {@code <verifyUrl>?token=…&lang=…}. */
    @WithDefault("http://127.0.0.1:8080/signup/verify")
    String verifyUrl();

    /** The page where an invited user accepts (frontend-api); the mail links {@code <invitationUrl>?token=…&lang=…}. */
    @WithDefault("http://127.0.0.1:8080/signup/invitation")
    String invitationUrl();

    @WithDefault("Agile Dunning <no-reply@agiledunning.local>")
    String mailFrom();

    /** How long a verification link works. */
    @WithDefault("P2D")
    Duration verificationTtl();
}

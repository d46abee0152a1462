package io.agiledunning.onboarding.signup;

import java.util.Locale;

/** Whom the tenant mostly dunns; decides the dunning strategy a new tenant starts with. */
public enum CreditorType {
    B2C,
    B2B;

    /** The reference of the built-in strategy a new tenant starts with. */
    public String defaultStrategy() {
        return "standard-" + name().toLowerCase(Locale.ROOT);
    }
}

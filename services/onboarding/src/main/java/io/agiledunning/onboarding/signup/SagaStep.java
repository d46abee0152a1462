package io.agiledunning.onboarding.signup;

/** The sign-up saga's steps in order; a tenant row records the last one that completed. */
public enum SagaStep {
    RECORDED,
    ORGANIZATION_CREATED,
    ADMIN_CREATED,
    ADMIN_JOINED,
    COMPLETED;

    public boolean reached(SagaStep step) {
        return compareTo(step) >= 0;
    }
}

package io.agiledunning.onboarding.signup;

/** Where a tenant stands. Only ACTIVE tenants' users get through the API. */
public enum TenantStatus {
    /** The sign-up saga has not finished (or failed and waits for a retry). */
    SIGNING_UP,
    /** Organization and admin exist; the admin has not followed the verification link yet. */
    PENDING_VERIFICATION,
    ACTIVE,
    SUSPENDED,
    /** The contract ended: refused for good; the data is kept restricted until retention allows erasure. */
    OFFBOARDED
}

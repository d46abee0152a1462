package io.agiledunning.common.events;

import java.util.Arrays;
import java.util.Optional;

/** Every event the platform emits: its wire name, schema version, topic and payload type. */
public enum EventType {
    CASE_OPENED("CaseOpened", 1, Topics.CASES, CaseOpened.class),
    CASE_STATUS_CHANGED("CaseStatusChanged", 1, Topics.CASES, CaseStatusChanged.class),
    CASE_PAUSED("CasePaused", 1, Topics.CASES, CasePaused.class),
    CASE_RESUMED("CaseResumed", 1, Topics.CASES, CaseResumed.class),
    DISPUTE_OPENED("DisputeOpened", 1, Topics.CASES, DisputeOpened.class),
    DISPUTE_RESOLVED("DisputeResolved", 1, Topics.CASES, DisputeResolved.class),
    PROMISE_MADE("PromiseMade", 1, Topics.CASES, PromiseMade.class),
    PROMISE_KEPT("PromiseKept", 1, Topics.CASES, PromiseKept.class),
    PROMISE_BROKEN("PromiseBroken", 1, Topics.CASES, PromiseBroken.class),
    PLAN_ACTIVATED("PlanActivated", 1, Topics.CASES, PlanActivated.class),
    PLAN_COMPLETED("PlanCompleted", 1, Topics.CASES, PlanCompleted.class),
    PLAN_DEFAULTED("PlanDefaulted", 1, Topics.CASES, PlanDefaulted.class),
    CLAIM_ADDED("ClaimAdded", 1, Topics.CASES, ClaimAdded.class),
    CLAIM_UPDATED("ClaimUpdated", 1, Topics.CASES, ClaimUpdated.class),
    CLAIM_WITHDRAWN("ClaimWithdrawn", 1, Topics.CASES, ClaimWithdrawn.class),
    CASE_CLOSED("CaseClosed", 1, Topics.CASES, CaseClosed.class),
    PAYMENT_ALLOCATED("PaymentAllocated", 1, Topics.CASES, PaymentAllocated.class),
    LEGAL_SETTINGS_CHANGED("LegalSettingsChanged", 1, Topics.CASES, LegalSettingsChanged.class),
    CONTACT_POLICY_CHANGED("ContactPolicyChanged", 1, Topics.CASES, ContactPolicyChanged.class),
    DEBTOR_OPT_OUTS_CHANGED("DebtorOptOutsChanged", 1, Topics.CASES, DebtorOptOutsChanged.class),
    DEBTOR_CONSENTS_CHANGED("DebtorConsentsChanged", 1, Topics.CASES, DebtorConsentsChanged.class),
    DEBTOR_ATTRIBUTES_CHANGED("DebtorAttributesChanged", 1, Topics.CASES, DebtorAttributesChanged.class),
    DEBTOR_RESTRICTED("DebtorRestricted", 1, Topics.CASES, DebtorRestricted.class),
    DEBTOR_RESTRICTION_LIFTED("DebtorRestrictionLifted", 1, Topics.CASES, DebtorRestrictionLifted.class),
    DEBTOR_ERASED("DebtorErased", 1, Topics.CASES, DebtorErased.class),
    DEBTOR_RECORDS_DELETED("DebtorRecordsDeleted", 1, Topics.CASES, DebtorRecordsDeleted.class),
    HANDOVER_STATUS_REPORTED("HandoverStatusReported", 1, Topics.CASES, HandoverStatusReported.class),
    TENANT_SETTINGS_CHANGED("TenantSettingsChanged", 2, Topics.TENANTS, TenantSettingsChanged.class),
    MESSAGE_TEMPLATE_SAVED("MessageTemplateSaved", 1, Topics.COMMUNICATIONS, MessageTemplateSaved.class),
    PAYMENT_RECORDED("PaymentRecorded", 1, Topics.PAYMENTS, PaymentRecorded.class),
    // dunning engine (issue 6)
    CONTACT_REQUESTED("ContactRequested", 1, Topics.CASES_COMMANDS, ContactRequested.class),
    CONTACT_BLOCKED("ContactBlocked", 1, Topics.CASES, ContactBlocked.class),
    // onboarding (issue 3)
    TENANT_SIGNED_UP("TenantSignedUp", 1, Topics.TENANTS, TenantSignedUp.class),
    TENANT_ACTIVATED("TenantActivated", 1, Topics.TENANTS, TenantActivated.class),
    TENANT_SUSPENDED("TenantSuspended", 1, Topics.TENANTS, TenantSuspended.class),
    TENANT_REACTIVATED("TenantReactivated", 1, Topics.TENANTS, TenantReactivated.class),
    TENANT_OFFBOARDED("TenantOffboarded", 1, Topics.TENANTS, TenantOffboarded.class),
    // payments: Stripe Connect (issue 3)
    STRIPE_ONBOARDING_STARTED("StripeOnboardingStarted", 1, Topics.PAYMENTS, StripeOnboardingStarted.class),
    STRIPE_ACCOUNT_UPDATED("StripeAccountUpdated", 1, Topics.PAYMENTS, StripeAccountUpdated.class),
    // onboarding: API clients and users (issue 3)
    API_CLIENT_CREATED("ApiClientCreated", 1, Topics.TENANTS, ApiClientCreated.class),
    API_CLIENT_SECRET_ROTATED("ApiClientSecretRotated", 1, Topics.TENANTS, ApiClientSecretRotated.class),
    API_CLIENT_REVOKED("ApiClientRevoked", 1, Topics.TENANTS, ApiClientRevoked.class),
    TENANT_USER_INVITED("TenantUserInvited", 1, Topics.TENANTS, TenantUserInvited.class),
    TENANT_USER_ROLE_CHANGED("TenantUserRoleChanged", 1, Topics.TENANTS, TenantUserRoleChanged.class),
    TENANT_USER_REMOVED("TenantUserRemoved", 1, Topics.TENANTS, TenantUserRemoved.class);

    private final String wireName;
    private final int schemaVersion;
    private final String topic;
    private final Class<? extends DomainEvent> payloadType;

    EventType(String wireName, int schemaVersion, String topic, Class<? extends DomainEvent> payloadType) {
        this.wireName = wireName;
        this.schemaVersion = schemaVersion;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public static EventType of(DomainEvent event) {
        return Arrays.stream(values())
                .filter(type -> type.payloadType == event.getClass())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(event.getClass().getName() + " is not listed in EventType"));
    }

    /** Empty for types this version does not know (a newer producer): consumers skip them. */
    public static Optional<EventType> named(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    public String wireName() {
        return wireName;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends DomainEvent> payloadType() {
        return payloadType;
    }
}

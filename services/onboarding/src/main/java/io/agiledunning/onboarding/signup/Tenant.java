package io.agiledunning.onboarding.signup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A client company on the platform, and the state of its sign-up saga. Its tenant id is the id of its
 * Keycloak organization, known once the saga created it.
 */
@Entity
@Table(name = "tenants")
public class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(name = "legal_name", nullable = false)
    private String legalName;

    @Column(name = "company_key", nullable = false, unique = true)
    private String companyKey;

    @Column(nullable = false, length = 2)
    private String country;

    @Column(nullable = false)
    private String street;

    @Column(name = "postal_code", nullable = false)
    private String postalCode;

    @Column(nullable = false)
    private String city;

    @Column(name = "vat_id")
    private String vatId;

    @Column(name = "creditor_type", nullable = false)
    private String creditorType;

    @Column(name = "default_strategy", nullable = false)
    private String defaultStrategy;

    @Column(name = "admin_email", nullable = false, unique = true)
    private String adminEmail;

    @Column(name = "admin_first_name", nullable = false)
    private String adminFirstName;

    @Column(name = "admin_last_name", nullable = false)
    private String adminLastName;

    @Column(nullable = false)
    private String locale;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TenantStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "saga_step", nullable = false)
    private SagaStep sagaStep;

    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(name = "admin_user_id")
    private String adminUserId;

    /** The status a suspension interrupted; lifting the suspension returns there. */
    @Enumerated(EnumType.STRING)
    @Column(name = "suspended_from")
    private TenantStatus suspendedFrom;

    @Column(name = "offboarded_on")
    private LocalDate offboardedOn;

    @Column(name = "verification_hash")
    private String verificationHash;

    @Column(name = "verification_expires_at")
    private Instant verificationExpiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Tenant() {
    }

    public static Tenant record(SignUp signUp, String slug, Instant now) {
        Tenant tenant = new Tenant();
        tenant.id = UUID.randomUUID();
        tenant.slug = slug;
        tenant.legalName = signUp.legalName();
        tenant.companyKey = signUp.companyKey();
        tenant.country = signUp.country();
        tenant.street = signUp.street();
        tenant.postalCode = signUp.postalCode();
        tenant.city = signUp.city();
        tenant.vatId = signUp.vatId();
        tenant.creditorType = signUp.creditorType().name();
        tenant.defaultStrategy = signUp.creditorType().defaultStrategy();
        tenant.adminEmail = signUp.adminEmail();
        tenant.adminFirstName = signUp.adminFirstName();
        tenant.adminLastName = signUp.adminLastName();
        tenant.locale = signUp.locale();
        tenant.status = TenantStatus.SIGNING_UP;
        tenant.sagaStep = SagaStep.RECORDED;
        tenant.createdAt = now;
        tenant.updatedAt = now;
        return tenant;
    }

    public void organizationCreated(UUID organizationId, Instant now) {
        this.organizationId = organizationId;
        advance(SagaStep.ORGANIZATION_CREATED, now);
    }

    public void adminCreated(String userId, Instant now) {
        this.adminUserId = userId;
        advance(SagaStep.ADMIN_CREATED, now);
    }

    public void adminJoined(Instant now) {
        advance(SagaStep.ADMIN_JOINED, now);
    }

    /** Replaces any earlier verification link: only the newest mail's link works. */
    public void awaitVerification(String tokenHash, Instant expiresAt, Instant now) {
        this.verificationHash = tokenHash;
        this.verificationExpiresAt = expiresAt;
        this.updatedAt = now;
    }

    public void signUpCompleted(Instant now) {
        this.status = TenantStatus.PENDING_VERIFICATION;
        advance(SagaStep.COMPLETED, now);
    }

    public boolean verificationValidAt(Instant now) {
        return status == TenantStatus.PENDING_VERIFICATION && verificationExpiresAt != null && now.isBefore(verificationExpiresAt);
    }

    /** The link is single-use: its hash is gone once the tenant is active. */
    public void activate(Instant now) {
        this.status = TenantStatus.ACTIVE;
        this.verificationHash = null;
        this.verificationExpiresAt = null;
        this.updatedAt = now;
    }

    public void suspend(Instant now) {
        if (status != TenantStatus.SUSPENDED) {
            this.suspendedFrom = status;
        }
        this.status = TenantStatus.SUSPENDED;
        this.updatedAt = now;
    }

    /** Back to where the suspension found the tenant: ACTIVE, or PENDING_VERIFICATION if its admin had not verified yet. */
    public void reactivate(Instant now) {
        this.status = suspendedFrom == null ? TenantStatus.ACTIVE : suspendedFrom;
        this.suspendedFrom = null;
        this.updatedAt = now;
    }

    /** Final: neither suspension nor reactivation changes an offboarded tenant. */
    public void offboard(LocalDate today, Instant now) {
        this.status = TenantStatus.OFFBOARDED;
        this.suspendedFrom = null;
        this.offboardedOn = today;
        this.updatedAt = now;
    }

    private void advance(SagaStep step, Instant now) {
        this.sagaStep = step;
        this.updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String legalName() {
        return legalName;
    }

    public String companyKey() {
        return companyKey;
    }

    public String country() {
        return country;
    }

    public String creditorType() {
        return creditorType;
    }

    public String defaultStrategy() {
        return defaultStrategy;
    }

    public String adminEmail() {
        return adminEmail;
    }

    public String adminFirstName() {
        return adminFirstName;
    }

    public String adminLastName() {
        return adminLastName;
    }

    public String locale() {
        return locale;
    }

    public TenantStatus status() {
        return status;
    }

    public SagaStep sagaStep() {
        return sagaStep;
    }

    public Optional<UUID> organizationId() {
        return Optional.ofNullable(organizationId);
    }

    public Optional<String> adminUserId() {
        return Optional.ofNullable(adminUserId);
    }

    public Optional<LocalDate> offboardedOn() {
        return Optional.ofNullable(offboardedOn);
    }

    public Instant createdAt() {
        return createdAt;
    }
}

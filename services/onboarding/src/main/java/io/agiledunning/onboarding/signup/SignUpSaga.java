package io.agiledunning.onboarding.signup;

import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.data.UniqueViolation;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.events.TenantActivated;
import io.agiledunning.common.events.TenantSignedUp;
import io.agiledunning.common.tenancy.TenantId;
import io.agiledunning.onboarding.TenantSettings;
import io.agiledunning.onboarding.repository.TenantSettingsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Signs a company up in steps, each recorded on the tenant row ({@link SagaStep}) once done: record the
 * tenant, create its organization, create its admin, make the admin a member with {@code tenant-admin},
 * mail the verification link and complete (defaults + {@code TenantSignedUp}). Every step is idempotent.
 * When a step fails, the saga compensates (deletes user, organization and row); if even that fails, the
 * row stays with its step and the same sign-up sent again resumes there. Nothing is left half-made
 * without a way to finish it (docs/adr/0007-sign-up-saga.md).
 */
@ApplicationScoped
public class SignUpSaga {

    private static final Logger LOG = Logger.getLogger(SignUpSaga.class);
    private static final int MAX_SLUG_CANDIDATES = 50;
    private static final String SYSTEM = "system";

    private final TenantRegistry registry;
    private final KeycloakDirectory directory;
    private final VerificationMail mail;
    private final TenantTransactions transactions;
    private final TenantSettingsRepository settings;
    private final Outbox outbox;
    private final OnboardingConfig config;
    private final Clock clock;

    public SignUpSaga(TenantRegistry registry, KeycloakDirectory directory, VerificationMail mail, TenantTransactions transactions,
                      TenantSettingsRepository settings, Outbox outbox, OnboardingConfig config, Clock clock) {
        this.registry = registry;
        this.directory = directory;
        this.mail = mail;
        this.transactions = transactions;
        this.settings = settings;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Tenant> signUp(SignUp signUp, String correlationId) {
        return unfinishedOrNew(signUp)
                .chain(tenant -> run(tenant, correlationId)
                        .onFailure().call(failure -> compensate(tenant.id(), failure)));
    }

    /** The same sign-up whose saga did not finish resumes; any other clash is refused. */
    private Uni<Tenant> unfinishedOrNew(SignUp signUp) {
        return registry.clashingWith(signUp).chain(clashes -> {
            for (Tenant clash : clashes) {
                if (clash.adminEmail().equals(signUp.adminEmail()) && clash.companyKey().equals(signUp.companyKey())
                        && clash.sagaStep() != SagaStep.COMPLETED) {
                    return Uni.createFrom().item(clash);
                }
            }
            if (!clashes.isEmpty()) {
                return Uni.createFrom().failure(conflict(clashes, signUp));
            }
            return directory.userWithEmailExists(signUp.adminEmail()).chain(exists -> exists
                    ? Uni.createFrom().failure(conflict(new FieldError("adminEmail", "an account with this e-mail address exists already")))
                    : freeSlug(Slugs.base(signUp.legalName()), 1)
                            .chain(slug -> registry.insert(Tenant.record(signUp, slug, clock.instant())))
                            .onFailure(UniqueViolation::in)
                            .transform(e -> conflict(new FieldError("legalName", "this company or e-mail address is signing up at this moment"))));
        });
    }

    private Uni<String> freeSlug(String base, int n) {
        if (n > MAX_SLUG_CANDIDATES) {
            return Uni.createFrom().failure(conflict(new FieldError("legalName", "no free tenant name is left for this company name")));
        }
        String candidate = Slugs.candidate(base, n);
        return registry.slugTaken(candidate)
                .chain(taken -> taken ? Uni.createFrom().item(true) : directory.organizationAliasTaken(candidate))
                .chain(taken -> taken ? freeSlug(base, n + 1) : Uni.createFrom().item(candidate));
    }

    private Uni<Tenant> run(Tenant tenant, String correlationId) {
        return Uni.createFrom().item(tenant)
                .chain(t -> t.sagaStep().reached(SagaStep.ORGANIZATION_CREATED) ? Uni.createFrom().item(t)
                        : directory.ensureOrganization(t).chain(org -> registry.update(t.id(), r -> r.organizationCreated(org, clock.instant()))))
                .chain(t -> t.sagaStep().reached(SagaStep.ADMIN_CREATED) ? Uni.createFrom().item(t)
                        : directory.ensureAdmin(t).chain(user -> registry.update(t.id(), r -> r.adminCreated(user, clock.instant()))))
                .chain(t -> t.sagaStep().reached(SagaStep.ADMIN_JOINED) ? Uni.createFrom().item(t)
                        : directory.joinAsAdmin(t.organizationId().orElseThrow(), t.adminUserId().orElseThrow())
                        .chain(() -> registry.update(t.id(), r -> r.adminJoined(clock.instant()))))
                .chain(t -> t.sagaStep().reached(SagaStep.COMPLETED) ? Uni.createFrom().item(t) : complete(t, correlationId));
    }

    /**
     * Stores the new link's hash, mails the link, then completes: the link works only once stored, and the
     * saga counts as done only once the mail went out.
     */
    private Uni<Tenant> complete(Tenant tenant, String correlationId) {
        String token = VerificationLinks.newToken();
        Instant now = clock.instant();
        TenantId tenantId = new TenantId(tenant.organizationId().orElseThrow());
        return registry.update(tenant.id(), t -> t.awaitVerification(VerificationLinks.hash(token), now.plus(config.verificationTtl()), now))
                .chain(t -> mail.send(t, token).replaceWith(t))
                .chain(t -> transactions.inTransaction(tenantId, session -> registry.update(session, t.id(), r -> r.signUpCompleted(clock.instant()))
                        .call(completed -> settings.persist(session, defaultSettings(tenantId, completed)))
                        .call(completed -> outbox.append(session, tenantId, tenantId.value(),
                                new TenantSignedUp(completed.slug(), completed.legalName(), completed.country(), completed.creditorType(),
                                        completed.locale()), correlationId))));
    }

    private TenantSettings defaultSettings(TenantId tenantId, Tenant tenant) {
        TenantSettings defaults = TenantSettings.create(tenantId);
        defaults.change(TenantSettings.Values.defaultsFor(tenant.slug()).named(tenant.legalName(), tenant.locale()), SYSTEM, clock.instant());
        return defaults;
    }

    /**
     * Undoes a failed sign-up newest step first. A client error (CONFLICT, VALIDATION) of a step is
     * compensated as well: nothing of a refused sign-up stays. If compensation fails too, the row keeps
     * its step and a retry resumes.
     */
    private Uni<Void> compensate(UUID signUpId, Throwable failure) {
        LOG.warnf("Sign-up %s failed (%s); compensating", signUpId, failure.toString());
        return registry.find(signUpId).chain(found -> {
            if (found.isEmpty() || found.get().sagaStep() == SagaStep.COMPLETED) {
                return Uni.createFrom().voidItem();
            }
            return directory.removeSignUp(found.get()).chain(() -> registry.delete(signUpId));
        }).onFailure().recoverWithItem(compensationFailure -> {
            LOG.errorf("Compensating sign-up %s failed (%s): it stays recorded and resumes when sent again", signUpId,
                    compensationFailure.toString());
            return null;
        });
    }

    /**
     * Mails a new verification link to the admin of a tenant still waiting for verification; the earlier link stops
     * working (only the newest hash is stored). Anything else (no such sign-up, already verified, suspended) sends
     * nothing and answers the same, so the call does not tell who signed up.
     */
    public Uni<Void> resendVerification(String email) {
        String address = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        return registry.findByAdminEmail(address).chain(found -> {
            if (found.isEmpty() || found.get().status() != TenantStatus.PENDING_VERIFICATION) {
                return Uni.createFrom().voidItem();
            }
            String token = VerificationLinks.newToken();
            Instant now = clock.instant();
            return registry.update(found.get().id(), t -> t.awaitVerification(VerificationLinks.hash(token), now.plus(config.verificationTtl()), now))
                    .chain(t -> mail.send(t, token));
        });
    }

    /** Follows the mailed link: verifies the admin, sets the password, activates the tenant. Single use. */
    public Uni<Tenant> verify(String token, String password, String correlationId) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().failure(ApiException.invalid("token", "must not be blank"));
        }
        String hash = VerificationLinks.hash(token.trim());
        return registry.findByVerificationHash(hash)
                .map(found -> found.filter(t -> t.verificationValidAt(clock.instant()))
                        .orElseThrow(() -> ApiException.invalid("token", "this link is invalid, used or expired; sign up again or ask for a new link")))
                .chain(tenant -> directory.verifyWithPassword(tenant.adminUserId().orElseThrow(), password).replaceWith(tenant))
                .chain(tenant -> {
                    TenantId tenantId = new TenantId(tenant.organizationId().orElseThrow());
                    return transactions.inTransaction(tenantId, session -> registry.update(session, tenant.id(), t -> t.activate(clock.instant()))
                            .call(active -> outbox.append(session, tenantId, tenantId.value(), new TenantActivated(active.slug()), correlationId)));
                });
    }

    private static ApiException conflict(List<Tenant> clashes, SignUp signUp) {
        Tenant clash = clashes.getFirst();
        if (clash.adminEmail().equals(signUp.adminEmail())) {
            return conflict(new FieldError("adminEmail", "an account with this e-mail address exists already"));
        }
        if (clash.companyKey().equals(signUp.companyKey())) {
            return conflict(new FieldError("legalName", "this company has signed up already"));
        }
        return conflict(new FieldError("vatId", "a company with this VAT id has signed up already"));
    }

    private static ApiException conflict(FieldError field) {
        return new ApiException(ErrorCode.CONFLICT, field.field() + ": " + field.reason(), List.of(field));
    }

}

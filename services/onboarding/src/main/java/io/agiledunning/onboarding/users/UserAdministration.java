package io.agiledunning.onboarding.users;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.tenancy.TenantContext;
import io.agiledunning.onboarding.signup.KeycloakDirectory;
import io.agiledunning.onboarding.signup.OnboardingConfig;
import io.agiledunning.onboarding.signup.VerificationLinks;
import io.agiledunning.onboarding.signup.VerificationMail;
import io.agiledunning.onboarding.users.TenantUsers.TenantUser;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Tenant admins manage their tenant's users; the tenant is always the caller's own (from the token). */
@ApplicationScoped
public class UserAdministration {

    private final TenantUsers users;
    private final KeycloakDirectory directory;
    private final VerificationMail mail;
    private final OnboardingConfig config;
    private final Clock clock;

    public UserAdministration(TenantUsers users, KeycloakDirectory directory, VerificationMail mail, OnboardingConfig config, Clock clock) {
        this.users = users;
        this.directory = directory;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
    }

    public Uni<List<TenantUser>> list(TenantContext caller) {
        return users.list(caller.tenantId().value());
    }

    /** Creates the user in the caller's tenant and mails the invitation; if the mail fails, the user is removed again. */
    public Uni<TenantUser> invite(TenantContext caller, Invitation invitation) {
        UUID organization = caller.tenantId().value();
        String token = VerificationLinks.newToken();
        return users.invite(organization, invitation.email(), invitation.firstName(), invitation.lastName(), invitation.role(),
                        VerificationLinks.hash(token), clock.instant().plus(config.verificationTtl()))
                .call(user -> mail.sendInvitation(user.email(), user.firstName(), user.lastName(), invitation.locale(), token)
                        .onFailure().call(failure -> users.remove(organization, user.id()).onFailure().recoverWithNull()));
    }

    public Uni<TenantUser> changeRole(TenantContext caller, String userId, TenantRole role) {
        return users.changeRole(caller.tenantId().value(), userId, role);
    }

    public Uni<Void> remove(TenantContext caller, String userId) {
        return users.remove(caller.tenantId().value(), userId);
    }

    /** The invited user follows the link: e-mail verified, password set, the link used up. */
    public Uni<UUID> accept(String token, String password) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().failure(ApiException.invalid("token", "must not be blank"));
        }
        return users.invitee(VerificationLinks.hash(token.strip()), clock.instant())
                .map(found -> found.orElseThrow(() -> ApiException.invalid("token", "this invitation is invalid, used or expired")))
                .call(invitee -> directory.verifyWithPassword(invitee.userId(), password))
                .call(invitee -> users.invitationAccepted(invitee.userId()))
                .map(TenantUsers.Invitee::organizationId);
    }
}

package io.agiledunning.onboarding.users;

import io.agiledunning.common.data.TenantTransactions;
import io.agiledunning.common.data.outbox.Outbox;
import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.events.DomainEvent;
import io.agiledunning.common.events.TenantUserInvited;
import io.agiledunning.common.events.TenantUserRemoved;
import io.agiledunning.common.events.TenantUserRoleChanged;
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
    private final TenantTransactions transactions;
    private final Outbox outbox;

    public UserAdministration(TenantUsers users, KeycloakDirectory directory, VerificationMail mail, OnboardingConfig config, Clock clock,
                              TenantTransactions transactions, Outbox outbox) {
        this.users = users;
        this.directory = directory;
        this.mail = mail;
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
        this.outbox = outbox;
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
                        .onFailure().call(failure -> users.remove(organization, user.id()).onFailure().recoverWithNull()))
                .call(user -> publish(caller, user.id(), new TenantUserInvited(user.id(), user.role().realmRole(), caller.subject())));
    }

    /** Publishes only a real change: giving a user the role it has is no event. */
    public Uni<TenantUser> changeRole(TenantContext caller, String userId, TenantRole role) {
        return users.changeRole(caller.tenantId().value(), userId, role)
                .call(change -> change.before().role() == change.after().role() ? Uni.createFrom().voidItem()
                        : publish(caller, userId, new TenantUserRoleChanged(userId, change.before().role().realmRole(),
                        change.after().role().realmRole(), caller.subject())))
                .map(TenantUsers.RoleChange::after);
    }

    public Uni<Void> remove(TenantContext caller, String userId) {
        return users.remove(caller.tenantId().value(), userId)
                .call(removed -> publish(caller, userId, new TenantUserRemoved(userId, removed.role().realmRole(), caller.subject())))
                .replaceWithVoid();
    }

    /** After Keycloak made the change, in the caller's tenant transaction; keyed by the user. */
    private Uni<?> publish(TenantContext caller, String userId, DomainEvent event) {
        return transactions.inTransaction(caller.tenantId(), session -> outbox.append(session, caller.tenantId(), userId, event, null));
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

package io.agiledunning.onboarding.users;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.onboarding.signup.OnboardingConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.OrganizationResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.MemberRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.agiledunning.onboarding.keycloak.KeycloakCalls.call;
import static io.agiledunning.onboarding.keycloak.KeycloakCalls.unexpected;

/**
 * A tenant's users in Keycloak: the members of its organization, each with one tenant role. Every method
 * takes the organization from the caller's token; a user outside it is NOT_FOUND, exactly like a user that
 * does not exist. A pending invitation is the SHA-256 of its token and its expiry, kept as user attributes.
 */
@ApplicationScoped
public class TenantUsers {

    static final String INVITATION_HASH = "agiledunning-invitation";
    static final String INVITATION_EXPIRES = "agiledunning-invitation-expires";

    /** A member as tenant admins see it. */
    public record TenantUser(String id, String email, String firstName, String lastName, TenantRole role, boolean emailVerified) {
    }

    /** The user an invitation token belongs to. */
    public record Invitee(String userId, UUID organizationId) {
    }

    private final Keycloak keycloak;
    private final OnboardingConfig config;

    public TenantUsers(Keycloak keycloak, OnboardingConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    public Uni<List<TenantUser>> list(UUID organization) {
        return call(() -> members(organization));
    }

    private List<TenantUser> members(UUID organization) {
        return organization(organization).members().getAll().stream().map(this::describe).toList();
    }

    /** Creates the user as a member with the role, e-mail unverified and no password until the invitation is accepted. */
    public Uni<TenantUser> invite(UUID organization, String email, String firstName, String lastName, TenantRole role, String tokenHash,
                                  Instant expiresAt) {
        return call(() -> {
            if (!realm().users().searchByEmail(email, true).isEmpty()) {
                throw new ApiException(ErrorCode.CONFLICT, "email: an account with this e-mail address exists already",
                        List.of(new FieldError("email", "an account with this e-mail address exists already")));
            }
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEnabled(true);
            user.setEmailVerified(false);
            user.setAttributes(Map.of(INVITATION_HASH, List.of(tokenHash), INVITATION_EXPIRES, List.of(expiresAt.toString())));
            String id;
            try (Response response = realm().users().create(user)) {
                if (response.getStatus() != 201) {
                    throw unexpected("creating user " + email, response.getStatus());
                }
                String path = response.getLocation().getPath();
                id = path.substring(path.lastIndexOf('/') + 1);
            }
            try (Response response = organization(organization).members().addMember(id)) {
                if (response.getStatus() >= 300) {
                    realm().users().delete(id).close();
                    throw unexpected("adding " + email + " to organization " + organization, response.getStatus());
                }
            }
            grant(id, role);
            return new TenantUser(id, email, firstName, lastName, role, false);
        });
    }

    /** A member before and after a role change. */
    public record RoleChange(TenantUser before, TenantUser after) {
    }

    /** Gives the member exactly this role; the tenant's last admin keeps theirs. */
    public Uni<RoleChange> changeRole(UUID organization, String userId, TenantRole role) {
        return call(() -> {
            TenantUser member = member(organization, userId);
            if (member.role() == TenantRole.TENANT_ADMIN && role != TenantRole.TENANT_ADMIN) {
                requireAnotherAdmin(organization, userId);
            }
            grant(userId, role);
            return new RoleChange(member,
                    new TenantUser(member.id(), member.email(), member.firstName(), member.lastName(), role, member.emailVerified()));
        });
    }

    /** Deletes the member (users belong to one tenant); the tenant's last admin stays. Answers the removed member. */
    public Uni<TenantUser> remove(UUID organization, String userId) {
        return call(() -> {
            TenantUser member = member(organization, userId);
            if (member.role() == TenantRole.TENANT_ADMIN) {
                requireAnotherAdmin(organization, userId);
            }
            try (Response response = realm().users().delete(userId)) {
                if (response.getStatus() >= 300 && response.getStatus() != 404) {
                    throw unexpected("deleting user " + userId, response.getStatus());
                }
            }
            return member;
        });
    }

    /** The invited user whose pending invitation has this hash and has not expired at {@code now}. */
    public Uni<Optional<Invitee>> invitee(String tokenHash, Instant now) {
        return call(() -> realm().users().searchByAttributes(INVITATION_HASH + ":" + tokenHash).stream()
                .filter(user -> user.getAttributes() != null && now.isBefore(Instant.parse(user.getAttributes().get(INVITATION_EXPIRES).getFirst())))
                .findFirst()
                .flatMap(user -> realm().organizations().members().getOrganizations(user.getId(), true).stream().findFirst()
                        .map(org -> new Invitee(user.getId(), UUID.fromString(org.getId())))));
    }

    /** The invitation is used: its hash goes, so the link works once. */
    public Uni<Void> invitationAccepted(String userId) {
        return call(() -> {
            UserRepresentation user = realm().users().get(userId).toRepresentation();
            if (user.getAttributes() != null) {
                user.getAttributes().remove(INVITATION_HASH);
                user.getAttributes().remove(INVITATION_EXPIRES);
            }
            realm().users().get(userId).update(user);
            return null;
        });
    }

    private TenantUser member(UUID organization, String userId) {
        try {
            return describe(organization(organization).members().member(userId).toRepresentation());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404 || e.getResponse().getStatus() == 400) {
                throw ApiException.notFound("user", userId);
            }
            throw e;
        }
    }

    private void requireAnotherAdmin(UUID organization, String userId) {
        boolean another = members(organization).stream()
                .anyMatch(u -> u.role() == TenantRole.TENANT_ADMIN && !u.id().equals(userId));
        if (!another) {
            throw new ApiException(ErrorCode.CONFLICT, "the last tenant admin cannot be removed or demoted; make another user tenant-admin first");
        }
    }

    private void grant(String userId, TenantRole role) {
        var roles = realm().users().get(userId).roles().realmLevel();
        List<RoleRepresentation> others = roles.listAll().stream()
                .filter(r -> TenantRole.ofRealmRole(r.getName()).filter(existing -> existing != role).isPresent())
                .toList();
        if (!others.isEmpty()) {
            roles.remove(others);
        }
        roles.add(List.of(realm().roles().get(role.realmRole()).toRepresentation()));
    }

    private TenantUser describe(UserRepresentation user) {
        TenantRole role = realm().users().get(user.getId()).roles().realmLevel().listAll().stream()
                .map(r -> TenantRole.ofRealmRole(r.getName()))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(TenantRole.TENANT_VIEWER);
        return new TenantUser(user.getId(), user.getEmail(), user.getFirstName(), user.getLastName(), role,
                Boolean.TRUE.equals(user.isEmailVerified()));
    }

    private OrganizationResource organization(UUID organization) {
        return realm().organizations().get(organization.toString());
    }

    private RealmResource realm() {
        return keycloak.realm(config.realm());
    }
}

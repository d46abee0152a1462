package io.agiledunning.onboarding.signup;

import io.agiledunning.common.errors.ApiException;
import io.agiledunning.common.errors.ErrorCode;
import io.agiledunning.common.errors.FieldError;
import io.agiledunning.common.tenancy.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static io.agiledunning.onboarding.keycloak.KeycloakCalls.call;
import static io.agiledunning.onboarding.keycloak.KeycloakCalls.unexpected;

/**
 * The tenants' organizations and users in Keycloak, through the admin client. Every write is idempotent
 * (finds what an earlier attempt of the same sign-up created, by the {@value #SIGN_UP_ATTRIBUTE}
 * attribute), so a retried saga step never creates a second organization or user. The admin client
 * blocks: calls run on a worker thread and continue on the caller's Vert.x context.
 */
@ApplicationScoped
public class KeycloakDirectory {

    static final String SIGN_UP_ATTRIBUTE = "agiledunning-sign-up";
    private static final int MIN_PASSWORD_LENGTH = 12;

    private final Keycloak keycloak;
    private final OnboardingConfig config;

    public KeycloakDirectory(Keycloak keycloak, OnboardingConfig config) {
        this.keycloak = keycloak;
        this.config = config;
    }

    public Uni<Boolean> organizationAliasTaken(String alias) {
        return call(() -> findOrganization(alias).isPresent());
    }

    public Uni<Boolean> userWithEmailExists(String email) {
        return call(() -> !realm().users().searchByEmail(email, true).isEmpty());
    }

    /** The tenant's organization (alias = slug), created unless this sign-up created it before. */
    public Uni<UUID> ensureOrganization(Tenant tenant) {
        return call(() -> {
            Optional<OrganizationRepresentation> existing = findOrganization(tenant.slug());
            if (existing.isPresent()) {
                requireOwnedBy(existing.get().getAttributes(), tenant,
                        new FieldError("legalName", "a company of this name is signing up at this moment; please retry"));
                return UUID.fromString(existing.get().getId());
            }
            OrganizationRepresentation organization = new OrganizationRepresentation();
            organization.setName(tenant.slug());
            organization.setAlias(tenant.slug());
            organization.setDescription(tenant.legalName());
            organization.setEnabled(true);
            OrganizationDomainRepresentation domain = new OrganizationDomainRepresentation();
            domain.setName(tenant.slug() + "." + config.organizationDomain());
            organization.addDomain(domain);
            organization.setAttributes(Map.of(SIGN_UP_ATTRIBUTE, List.of(tenant.id().toString())));
            try (Response response = realm().organizations().create(organization)) {
                return UUID.fromString(createdId(response, "organization " + tenant.slug()));
            }
        });
    }

    /** The admin user (username = e-mail, not yet verified, no password), created unless this sign-up created it. */
    public Uni<String> ensureAdmin(Tenant tenant) {
        return call(() -> {
            List<UserRepresentation> existing = realm().users().searchByEmail(tenant.adminEmail(), true);
            if (!existing.isEmpty()) {
                UserRepresentation user = existing.getFirst();
                requireOwnedBy(user.getAttributes(), tenant, new FieldError("adminEmail", "an account with this e-mail address exists already"));
                return user.getId();
            }
            UserRepresentation user = new UserRepresentation();
            user.setUsername(tenant.adminEmail());
            user.setEmail(tenant.adminEmail());
            user.setFirstName(tenant.adminFirstName());
            user.setLastName(tenant.adminLastName());
            user.setEnabled(true);
            user.setEmailVerified(false);
            user.setAttributes(Map.of(SIGN_UP_ATTRIBUTE, List.of(tenant.id().toString()), "locale", List.of(tenant.locale())));
            try (Response response = realm().users().create(user)) {
                return createdId(response, "user " + tenant.adminEmail());
            }
        });
    }

    /** Makes the user a member of the organization with the realm role {@code tenant-admin}. */
    public Uni<Void> joinAsAdmin(UUID organizationId, String userId) {
        return call(() -> {
            try (Response response = realm().organizations().get(organizationId.toString()).members().addMember(userId)) {
                if (response.getStatus() != 201 && response.getStatus() != 204 && response.getStatus() != 409) {
                    throw unexpected("adding the admin to organization " + organizationId, response.getStatus());
                }
            }
            RoleRepresentation role = realm().roles().get(Roles.TENANT_ADMIN).toRepresentation();
            realm().users().get(userId).roles().realmLevel().add(List.of(role));
            return null;
        });
    }

    /**
     * The user proved the mailbox (sign-up or invitation link): e-mail verified, the chosen password set (at least 12 characters, and
     * Keycloak's password policy decides; a refusal is a VALIDATION error on {@code password}).
     */
    public Uni<Void> verifyWithPassword(String userId, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Uni.createFrom().failure(ApiException.invalid("password", "must have at least %d characters".formatted(MIN_PASSWORD_LENGTH)));
        }
        return call(() -> {
            CredentialRepresentation credential = new CredentialRepresentation();
            credential.setType(CredentialRepresentation.PASSWORD);
            credential.setValue(password);
            credential.setTemporary(false);
            try {
                realm().users().get(userId).resetPassword(credential);
            } catch (BadRequestException refused) {
                String reason = Optional.ofNullable(refused.getResponse().readEntity(Map.class))
                        .map(body -> String.valueOf(body.getOrDefault("error_description", body.getOrDefault("errorMessage", "is not allowed"))))
                        .orElse("is not allowed");
                throw new ApiException(ErrorCode.VALIDATION, "password: " + reason, List.of(new FieldError("password", reason)));
            }
            UserRepresentation user = realm().users().get(userId).toRepresentation();
            user.setEmailVerified(true);
            user.setRequiredActions(List.of());
            realm().users().get(userId).update(user);
            return null;
        });
    }

    /**
     * Enables or disables the tenant's organization; disabling also ends every member's sessions, so no
     * refresh token of the tenant works any more. Access tokens already issued stay valid until they
     * expire: the API refuses them by the tenant's status (docs/adr/0007-sign-up-saga.md).
     */
    public Uni<Void> setOrganizationEnabled(UUID organizationId, boolean enabled) {
        return call(() -> {
            var organization = realm().organizations().get(organizationId.toString());
            OrganizationRepresentation representation = organization.toRepresentation();
            representation.setEnabled(enabled);
            try (Response response = organization.update(representation)) {
                if (response.getStatus() >= 300) {
                    throw unexpected((enabled ? "enabling" : "disabling") + " organization " + organizationId, response.getStatus());
                }
            }
            if (!enabled) {
                organization.members().getAll().forEach(member -> realm().users().get(member.getId()).logout());
            }
            return null;
        });
    }

    /**
     * Compensation: removes the admin user and the organization this sign-up created, found by their
     * sign-up attribute (also those whose creation answer was lost); what is gone already is fine.
     */
    public Uni<Void> removeSignUp(Tenant tenant) {
        return call(() -> {
            for (UserRepresentation user : realm().users().searchByEmail(tenant.adminEmail(), true)) {
                if (createdBy(user.getAttributes(), tenant)) {
                    realm().users().delete(user.getId()).close();
                }
            }
            Optional<OrganizationRepresentation> organization = findOrganization(tenant.slug());
            if (organization.isPresent() && createdBy(organization.get().getAttributes(), tenant)) {
                realm().organizations().get(organization.get().getId()).delete().close();
            }
            return null;
        });
    }

    private Optional<OrganizationRepresentation> findOrganization(String alias) {
        return realm().organizations().search(alias, true, 0, 10, false).stream()
                .filter(organization -> alias.equals(organization.getAlias()))
                .findFirst();
    }

    /** What exists under this name must carry this sign-up's id; else it belongs to someone else. */
    private static boolean createdBy(Map<String, List<String>> attributes, Tenant tenant) {
        return attributes != null && attributes.getOrDefault(SIGN_UP_ATTRIBUTE, List.of()).contains(tenant.id().toString());
    }

    private static void requireOwnedBy(Map<String, List<String>> attributes, Tenant tenant, FieldError conflict) {
        if (!createdBy(attributes, tenant)) {
            throw new ApiException(ErrorCode.CONFLICT, conflict.field() + ": " + conflict.reason(), List.of(conflict));
        }
    }

    private static String createdId(Response response, String what) {
        if (response.getStatus() != 201) {
            throw unexpected("creating " + what, response.getStatus());
        }
        String path = response.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private RealmResource realm() {
        return keycloak.realm(config.realm());
    }
}

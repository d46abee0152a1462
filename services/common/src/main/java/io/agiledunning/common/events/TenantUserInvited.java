package io.agiledunning.common.events;

/** A tenant admin invited a user with a role; no e-mail address or name (personal data stays in Keycloak). */
public record TenantUserInvited(String userId, String role, String invitedBy) implements DomainEvent {
}

package io.agiledunning.common.events;

/** A tenant admin removed a user (the Keycloak account is deleted). */
public record TenantUserRemoved(String userId, String role, String removedBy) implements DomainEvent {
}

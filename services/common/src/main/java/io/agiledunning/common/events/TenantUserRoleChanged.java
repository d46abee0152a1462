package io.agiledunning.common.events;

/** A tenant admin gave a user another role. */
public record TenantUserRoleChanged(String userId, String from, String to, String changedBy) implements DomainEvent {
}

package io.agiledunning.common.events;

/** A platform admin suspended the tenant: its users are refused, dunning pauses, nothing is deleted. */
public record TenantSuspended(String slug, String reason, String suspendedBy) implements DomainEvent {
}

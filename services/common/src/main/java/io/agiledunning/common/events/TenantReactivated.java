package io.agiledunning.common.events;

/** A platform admin lifted the tenant's suspension: it is ACTIVE again. */
public record TenantReactivated(String slug, String reactivatedBy) implements DomainEvent {
}

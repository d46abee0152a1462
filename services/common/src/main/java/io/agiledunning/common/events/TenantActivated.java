package io.agiledunning.common.events;

/** The tenant's admin verified the e-mail address and set a password: the tenant is ACTIVE. */
public record TenantActivated(String slug) implements DomainEvent {
}

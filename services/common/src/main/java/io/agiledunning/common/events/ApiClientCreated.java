package io.agiledunning.common.events;

/** A tenant admin created a machine credential (client credentials) for the tenant; never carries the secret. */
public record ApiClientCreated(String clientId, String name, String role, String createdBy) implements DomainEvent {
}

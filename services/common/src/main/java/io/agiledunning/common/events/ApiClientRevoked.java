package io.agiledunning.common.events;

/** A tenant admin revoked the API client; it gets no more tokens. */
public record ApiClientRevoked(String clientId, String revokedBy) implements DomainEvent {
}

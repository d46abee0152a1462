package io.agiledunning.common.events;

/** A tenant admin replaced the API client's secret; the old one no longer gets tokens. */
public record ApiClientSecretRotated(String clientId, String rotatedBy) implements DomainEvent {
}

package io.agiledunning.common.events;

/**
 * A company signed up: its organization and admin exist, the admin has not verified yet
 * (status PENDING_VERIFICATION). The admin's e-mail stays out of the event (personal data).
 */
public record TenantSignedUp(String slug, String legalName, String country, String creditorType, String locale)
        implements DomainEvent {
}

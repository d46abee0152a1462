package io.agiledunning.common.events;

/**
 * A tenant admin made the tenant's contact policy stricter than the German default (or back): contact only from
 * {@code earliest} until before {@code latest} (local times, {@code HH:mm}) in the debtor's zone, at most
 * {@code maxContacts} contacts in any 7 days. The aggregate is the tenant; {@code version} counts the changes.
 */
public record ContactPolicyChanged(int version, String earliest, String latest, int maxContacts, String changedBy) implements DomainEvent {
}

package io.agiledunning.common.events;

/** A tenant admin changed the tenant's settings; {@code version} counts the changes. */
public record TenantSettingsChanged(String displayName, String locale, String timeZone, String defaultCurrency,
                                    int dunningHorizonDays, int version, String changedBy) implements DomainEvent {
}

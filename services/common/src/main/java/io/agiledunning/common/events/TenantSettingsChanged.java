package io.agiledunning.common.events;

import java.util.List;

/**
 * A tenant admin changed the tenant's settings; {@code version} counts the changes. Carries what other services act
 * on (language, time zone, currency, horizon, German state for public holidays) and the names of the changed fields;
 * branding, sender, footer, bank and agency details are read from onboarding when needed. Schema version 2 added
 * {@code germanState} and {@code changedFields}.
 */
public record TenantSettingsChanged(String displayName, String locale, String timeZone, String defaultCurrency,
                                    int dunningHorizonDays, String germanState, List<String> changedFields, int version,
                                    String changedBy) implements DomainEvent {
}

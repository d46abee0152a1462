package io.agiledunning.common.events;

import java.util.List;

/**
 * A tenant admin changed the tenant's settings; {@code version} counts the changes. Carries what other services act
 * on (language, time zone, currency, horizon, German state for public holidays, the creditor's imprint and the
 * collection agency with its handover channel) and the names of the changed fields; branding, sender and bank
 * details are read from onboarding when needed. Schema version 2 added {@code germanState} and {@code changedFields};
 * {@code legalFooter} and the agency fields were added to version 2 later (absent in older events: null).
 */
public record TenantSettingsChanged(String displayName, String locale, String timeZone, String defaultCurrency,
                                    int dunningHorizonDays, String germanState, List<String> changedFields, int version,
                                    String changedBy, String legalFooter, String agencyName, String agencyChannel,
                                    String agencyWebhookUrl) implements DomainEvent {
}

package io.agiledunning.cases.dunning.guardrails;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The tenant's contact policy. German defaults (DOMAIN.md, "Contact policy"): contact only 08:00–20:00 in the
 * debtor's time zone, never on Sundays and public holidays of the debtor's state, at most 3 contacts in any
 * 7 days across all channels.
 *
 * @param earliest      first local time a contact may be made (inclusive)
 * @param latest        local time from which no contact may be made (exclusive)
 * @param preferredTime local time a step is planned for on its due day
 * @param maxContacts   contacts allowed within {@code window}
 * @param window        the rolling window of the frequency cap (7 × 24 hours)
 * @param defaultZone   for debtors without a known time zone
 */
public record ContactPolicy(LocalTime earliest, LocalTime latest, LocalTime preferredTime, boolean noSundays,
                            boolean noPublicHolidays, int maxContacts, Duration window, ZoneId defaultZone) {

    public static final ContactPolicy GERMAN_DEFAULT = new ContactPolicy(LocalTime.of(8, 0), LocalTime.of(20, 0),
            LocalTime.of(9, 0), true, true, 3, Duration.ofDays(7), ZoneId.of("Europe/Berlin"));

    public ContactPolicy {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(preferredTime, "preferredTime");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(defaultZone, "defaultZone");
        if (!earliest.isBefore(latest)) {
            throw new IllegalArgumentException("the contact window must start before it ends: %s–%s".formatted(earliest, latest));
        }
        if (preferredTime.isBefore(earliest) || !preferredTime.isBefore(latest)) {
            throw new IllegalArgumentException("the preferred time %s must lie within %s–%s".formatted(preferredTime, earliest, latest));
        }
        if (maxContacts < 1) {
            throw new IllegalArgumentException("at least one contact per window must be allowed, got " + maxContacts);
        }
    }
}

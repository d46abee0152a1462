package io.agiledunning.cases.dunning.guardrails;

import io.agiledunning.cases.dunning.strategy.Channel;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hard contact rules, checked before anything is sent, as pure functions of the instant, the recipient and
 * the tenant's policy. Dunning stops (dispute, insolvency, …) are the decider's business: they stop a case,
 * these rules only move a contact in time or to another channel.
 */
public final class Guardrails {

    /** Searching further than this for an allowed instant means the policy allows none (cannot happen with valid policies). */
    private static final int MAX_DAYS_SEARCHED = 60;

    private Guardrails() {
    }

    /** Whether a contact on {@code channel} at {@code at} is allowed, and if not, every reason. */
    public static GuardrailVerdict check(Instant at, Channel channel, Recipient recipient, ContactPolicy policy) {
        List<String> reasons = new ArrayList<>();
        if (recipient.optedOut().contains(channel)) {
            reasons.add("the debtor opted out of " + channel);
        } else if (!recipient.reachable().contains(channel)) {
            reasons.add("no " + channel + " contact point for the debtor");
        }
        reasons.addAll(timeReasons(at, recipient, policy));
        if (reasons.isEmpty()) {
            return GuardrailVerdict.ALLOWED;
        }
        boolean channelUsable = recipient.reachable().contains(channel) && !recipient.optedOut().contains(channel);
        return new GuardrailVerdict(reasons, channelUsable ? Optional.of(nextAllowed(at, recipient, policy)) : Optional.empty());
    }

    /** The reasons the instant itself is not allowed, whatever the channel. */
    public static List<String> timeReasons(Instant at, Recipient recipient, ContactPolicy policy) {
        List<String> reasons = new ArrayList<>();
        ZonedDateTime local = at.atZone(recipient.zone());
        dayReason(local.toLocalDate(), recipient, policy).ifPresent(reasons::add);
        LocalTime time = local.toLocalTime();
        if (time.isBefore(policy.earliest()) || !time.isBefore(policy.latest())) {
            reasons.add("quiet hours: %s in %s is outside %s–%s".formatted(local.toLocalDateTime().withNano(0), recipient.zone(),
                    policy.earliest(), policy.latest()));
        }
        int recent = contactsWithin(at, recipient, policy).size();
        if (recent >= policy.maxContacts()) {
            reasons.add("frequency cap: %d contacts in the last %d days (at most %d)".formatted(recent, policy.window().toDays(),
                    policy.maxContacts()));
        }
        return reasons;
    }

    /** Why no contact may happen on this local day at all (Sunday, public holiday), if so. */
    public static Optional<String> dayReason(LocalDate day, Recipient recipient, ContactPolicy policy) {
        if (policy.noSundays() && day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return Optional.of("no contact on Sundays (" + day + ")");
        }
        if (policy.noPublicHolidays()) {
            Optional<String> holiday = PublicHolidays.holiday(day, recipient.state());
            if (holiday.isPresent()) {
                String where = recipient.state() == null ? "Germany" : recipient.state().germanName();
                return Optional.of("public holiday in %s: %s (%s)".formatted(where, holiday.get(), day));
            }
        }
        return Optional.empty();
    }

    /**
     * The earliest instant at or after {@code from} at which a contact is allowed. Days are walked as local dates and
     * turned into instants through the zone's rules, so a DST change neither skips nor doubles a day.
     */
    public static Instant nextAllowed(Instant from, Recipient recipient, ContactPolicy policy) {
        Instant candidate = from;
        for (int guard = 0; guard < MAX_DAYS_SEARCHED * 4; guard++) {
            ZonedDateTime local = candidate.atZone(recipient.zone());
            LocalDate day = local.toLocalDate();
            LocalTime time = local.toLocalTime();
            if (dayReason(day, recipient, policy).isPresent() || !time.isBefore(policy.latest())) {
                candidate = startOfWindow(day.plusDays(1), recipient, policy);
                continue;
            }
            if (time.isBefore(policy.earliest())) {
                candidate = startOfWindow(day, recipient, policy);
                continue;
            }
            List<Instant> recent = contactsWithin(candidate, recipient, policy);
            if (recent.size() >= policy.maxContacts()) {
                // The window frees up when enough of its oldest contacts fall out of it.
                Instant freed = recent.get(recent.size() - policy.maxContacts()).plus(policy.window());
                candidate = freed.isAfter(candidate) ? freed : candidate.plusSeconds(1);
                continue;
            }
            return candidate;
        }
        throw new IllegalStateException("no allowed contact time within %d days of %s".formatted(MAX_DAYS_SEARCHED, from));
    }

    /** Why the local days strictly between {@code from} and {@code to} were passed over (Sundays, holidays). */
    public static List<String> skippedDays(Instant from, Instant to, Recipient recipient, ContactPolicy policy) {
        List<String> reasons = new ArrayList<>();
        LocalDate last = to.atZone(recipient.zone()).toLocalDate();
        for (LocalDate day = from.atZone(recipient.zone()).toLocalDate().plusDays(1); day.isBefore(last); day = day.plusDays(1)) {
            dayReason(day, recipient, policy).ifPresent(reasons::add);
        }
        return reasons;
    }

    /** The instant a local day's contact window opens. */
    public static Instant startOfWindow(LocalDate day, Recipient recipient, ContactPolicy policy) {
        return ZonedDateTime.of(LocalDateTime.of(day, policy.earliest()), recipient.zone()).toInstant();
    }

    /** Contacts in the rolling window ending at {@code at} (exclusive of contacts after it), oldest first. */
    private static List<Instant> contactsWithin(Instant at, Recipient recipient, ContactPolicy policy) {
        Instant since = at.minus(policy.window());
        return recipient.contacts().stream()
                .filter(contact -> contact.isAfter(since) && !contact.isAfter(at))
                .sorted()
                .toList();
    }
}

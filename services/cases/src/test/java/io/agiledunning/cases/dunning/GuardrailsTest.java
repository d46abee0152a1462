package io.agiledunning.cases.dunning;

import io.agiledunning.cases.dunning.engine.DunningDecider;
import io.agiledunning.cases.dunning.guardrails.ContactPolicy;
import io.agiledunning.cases.dunning.guardrails.GermanState;
import io.agiledunning.cases.dunning.guardrails.GuardrailVerdict;
import io.agiledunning.cases.dunning.guardrails.Guardrails;
import io.agiledunning.cases.dunning.guardrails.Recipient;
import io.agiledunning.cases.dunning.strategy.Channel;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuardrailsTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ContactPolicy POLICY = ContactPolicy.GERMAN_DEFAULT;

    static Recipient recipient(GermanState state, List<Instant> contacts, Channel... optedOut) {
        Set<Channel> out = optedOut.length == 0 ? Set.of() : EnumSet.of(optedOut[0], optedOut);
        return new Recipient(BERLIN, state, EnumSet.allOf(Channel.class), out, contacts);
    }

    static Instant berlin(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, BERLIN).toInstant();
    }

    @Test
    void aWeekdayAfternoonIsAllowed() {
        assertTrue(Guardrails.check(berlin(2026, 3, 10, 15, 0), Channel.EMAIL, recipient(GermanState.BY, List.of()), POLICY).allowed());
    }

    @Test
    void quietHoursAreTheDebtorsLocalTime() {
        Instant eightPmBerlin = berlin(2026, 3, 10, 20, 0);
        GuardrailVerdict verdict = Guardrails.check(eightPmBerlin, Channel.SMS, recipient(null, List.of()), POLICY);
        assertFalse(verdict.allowed());
        assertTrue(verdict.reasons().getFirst().startsWith("quiet hours"), verdict.reasons().toString());
        assertEquals(berlin(2026, 3, 11, 8, 0), verdict.retryAt().orElseThrow());

        Recipient inNewYork = new Recipient(ZoneId.of("America/New_York"), null, EnumSet.allOf(Channel.class), Set.of(), List.of());
        assertTrue(Guardrails.check(eightPmBerlin, Channel.SMS, inNewYork, POLICY).allowed(), "14:00 in New York");
        assertFalse(Guardrails.check(berlin(2026, 3, 10, 7, 59), Channel.SMS, recipient(null, List.of()), POLICY).allowed());
        assertTrue(Guardrails.check(berlin(2026, 3, 10, 8, 0), Channel.SMS, recipient(null, List.of()), POLICY).allowed());
    }

    @Test
    void noContactOnSundaysNorOnTheStatesHolidays() {
        GuardrailVerdict sunday = Guardrails.check(berlin(2026, 3, 15, 10, 0), Channel.EMAIL, recipient(null, List.of()), POLICY);
        assertEquals(List.of("no contact on Sundays (2026-03-15)"), sunday.reasons());
        assertEquals(berlin(2026, 3, 16, 8, 0), sunday.retryAt().orElseThrow());

        Instant epiphany = berlin(2026, 1, 6, 10, 0);
        GuardrailVerdict bavaria = Guardrails.check(epiphany, Channel.EMAIL, recipient(GermanState.BY, List.of()), POLICY);
        assertEquals(List.of("public holiday in Bayern: Heilige Drei Könige (2026-01-06)"), bavaria.reasons());
        assertTrue(Guardrails.check(epiphany, Channel.EMAIL, recipient(GermanState.BE, List.of()), POLICY).allowed());
    }

    @Test
    void easterWeekendInBerlinMovesAContactFromThursdayEveningToTuesday() {
        // 2026-04-02 21:00 (Thu) → Karfreitag, Saturday allowed
        assertEquals(berlin(2026, 4, 4, 8, 0), Guardrails.nextAllowed(berlin(2026, 4, 2, 21, 0), recipient(GermanState.BE, List.of()), POLICY));
        // Saturday 20:30 → Easter Sunday, Easter Monday → Tuesday
        assertEquals(berlin(2026, 4, 7, 8, 0), Guardrails.nextAllowed(berlin(2026, 4, 4, 20, 30), recipient(GermanState.BE, List.of()), POLICY));
    }

    @Test
    void atMostThreeContactsInAnySevenDays() {
        List<Instant> contacts = List.of(berlin(2026, 3, 2, 9, 0), berlin(2026, 3, 4, 9, 0), berlin(2026, 3, 6, 9, 0));
        Instant at = berlin(2026, 3, 7, 10, 0);
        GuardrailVerdict verdict = Guardrails.check(at, Channel.EMAIL, recipient(null, contacts), POLICY);
        assertEquals(List.of("frequency cap: 3 contacts in the last 7 days (at most 3)"), verdict.reasons());
        assertEquals(berlin(2026, 3, 9, 9, 0), verdict.retryAt().orElseThrow(), "when the contact of 2 March leaves the window");
    }

    @Test
    void anOptedOutChannelIsBlockedWithoutARetryTime() {
        GuardrailVerdict verdict = Guardrails.check(berlin(2026, 3, 10, 15, 0), Channel.EMAIL,
                recipient(null, List.of(), Channel.EMAIL), POLICY);
        assertEquals(List.of("the debtor opted out of EMAIL"), verdict.reasons());
        assertTrue(verdict.retryAt().isEmpty());
        Recipient lettersOnly = new Recipient(BERLIN, null, EnumSet.of(Channel.LETTER), Set.of(), List.of());
        assertEquals(List.of("no SMS contact point for the debtor"),
                Guardrails.check(berlin(2026, 3, 10, 15, 0), Channel.SMS, lettersOnly, POLICY).reasons());
    }

    @Property(tries = 500)
    void nextAllowedIsAllowedAndNothingEarlierIs(@ForAll @LongRange(min = 0, max = 3 * 365 * 24 * 60) long minutes,
                                                 @ForAll GermanState state, @ForAll @IntRange(min = 0, max = 5) int recentContacts) {
        Instant from = berlin(2026, 1, 1, 0, 0).plus(Duration.ofMinutes(minutes));
        List<Instant> contacts = new ArrayList<>();
        for (int i = 0; i < recentContacts; i++) {
            contacts.add(from.minus(Duration.ofHours(20L * (i + 1))));
        }
        Recipient recipient = recipient(state, contacts);
        Instant next = Guardrails.nextAllowed(from, recipient, POLICY);
        assertFalse(next.isBefore(from));
        assertTrue(Guardrails.timeReasons(next, recipient, POLICY).isEmpty(), next + " " + Guardrails.timeReasons(next, recipient, POLICY));
        for (Instant probe = from; probe.isBefore(next); probe = probe.plus(Duration.ofMinutes(30))) {
            assertFalse(Guardrails.timeReasons(probe, recipient, POLICY).isEmpty(), "allowed earlier at " + probe);
        }
    }

    @Property
    void plannedDaysKeepTheirLocalDayAndTimeAcrossDst(@ForAll @IntRange(min = 0, max = 730) int offset,
                                                      @ForAll @IntRange(min = 0, max = 200) int days) {
        Recipient recipient = recipient(null, List.of());
        LocalDate start = LocalDate.of(2026, 1, 1).plusDays(offset);
        LocalDate due = start.plusDays(days);
        ZonedDateTime planned = DunningDecider.at(due, recipient, POLICY).atZone(BERLIN);
        assertEquals(due, planned.toLocalDate());
        assertEquals(LocalTime.of(9, 0), planned.toLocalTime());
    }

    @Test
    void aContactBlockedOnTheEveningBeforeTheSpringChangeMovesToMondayMorning() {
        // DST starts 2026-03-29 (Sunday) at 02:00: Saturday 20:00 CET → Monday 08:00 CEST, one day skipped for the Sunday only.
        Instant next = Guardrails.nextAllowed(berlin(2026, 3, 28, 20, 0), recipient(null, List.of()), POLICY);
        assertEquals(LocalDateTime.of(2026, 3, 30, 8, 0), next.atZone(BERLIN).toLocalDateTime());
        assertEquals(Duration.ofHours(35), Duration.between(berlin(2026, 3, 28, 20, 0), next));
        // DST ends 2026-10-25: Saturday 20:00 CEST → Monday 08:00 CET is 37 hours later, still the Monday.
        Instant autumn = Guardrails.nextAllowed(berlin(2026, 10, 24, 20, 0), recipient(null, List.of()), POLICY);
        assertEquals(LocalDateTime.of(2026, 10, 26, 8, 0), autumn.atZone(BERLIN).toLocalDateTime());
        assertEquals(Duration.ofHours(37), Duration.between(berlin(2026, 10, 24, 20, 0), autumn));
    }
}

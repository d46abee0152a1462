package io.agiledunning.cases.dunning;

import io.agiledunning.cases.dunning.guardrails.GermanState;
import io.agiledunning.cases.dunning.guardrails.PublicHolidays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublicHolidaysTest {

    @Test
    void easterSundayMatchesThePublishedDates() {
        assertEquals(LocalDate.of(2000, 4, 23), PublicHolidays.easterSunday(2000));
        assertEquals(LocalDate.of(2019, 4, 21), PublicHolidays.easterSunday(2019));
        assertEquals(LocalDate.of(2024, 3, 31), PublicHolidays.easterSunday(2024));
        assertEquals(LocalDate.of(2025, 4, 20), PublicHolidays.easterSunday(2025));
        assertEquals(LocalDate.of(2026, 4, 5), PublicHolidays.easterSunday(2026));
        assertEquals(LocalDate.of(2027, 3, 28), PublicHolidays.easterSunday(2027));
        assertEquals(LocalDate.of(2038, 4, 25), PublicHolidays.easterSunday(2038));
        assertEquals(LocalDate.of(2285, 3, 22), PublicHolidays.easterSunday(2285));
    }

    @Property
    void easterIsASundayBetweenMarch22AndApril25(@ForAll @IntRange(min = 1583, max = 4099) int year) {
        LocalDate easter = PublicHolidays.easterSunday(year);
        assertEquals(DayOfWeek.SUNDAY, easter.getDayOfWeek());
        assertFalse(easter.isBefore(LocalDate.of(year, 3, 22)));
        assertFalse(easter.isAfter(LocalDate.of(year, 4, 25)));
    }

    @Property
    void everyStateKeepsTheNineNationwideHolidays(@ForAll @IntRange(min = 1995, max = 2100) int year, @ForAll GermanState state) {
        Map<LocalDate, String> nationwide = PublicHolidays.of(year, null);
        Map<LocalDate, String> ofState = PublicHolidays.of(year, state);
        assertTrue(nationwide.size() >= 8, "nine, two of which may share a day");
        assertTrue(ofState.keySet().containsAll(nationwide.keySet()), state + " " + year);
    }

    @Test
    void bavariaAndBerlinDifferIn2026() {
        LocalDate epiphany = LocalDate.of(2026, 1, 6);
        LocalDate womensDay = LocalDate.of(2026, 3, 8);
        LocalDate corpusChristi = LocalDate.of(2026, 6, 4);
        LocalDate assumption = LocalDate.of(2026, 8, 15);
        LocalDate allSaints = LocalDate.of(2026, 11, 1);

        assertEquals("Heilige Drei Könige", PublicHolidays.holiday(epiphany, GermanState.BY).orElseThrow());
        assertEquals("Fronleichnam", PublicHolidays.holiday(corpusChristi, GermanState.BY).orElseThrow());
        assertEquals("Mariä Himmelfahrt", PublicHolidays.holiday(assumption, GermanState.BY).orElseThrow());
        assertEquals("Allerheiligen", PublicHolidays.holiday(allSaints, GermanState.BY).orElseThrow());
        assertTrue(PublicHolidays.holiday(womensDay, GermanState.BY).isEmpty());

        assertEquals("Internationaler Frauentag", PublicHolidays.holiday(womensDay, GermanState.BE).orElseThrow());
        for (LocalDate bavarianOnly : new LocalDate[]{epiphany, corpusChristi, assumption, allSaints}) {
            assertTrue(PublicHolidays.holiday(bavarianOnly, GermanState.BE).isEmpty(), bavarianOnly.toString());
        }
    }

    @Test
    void easterDependentHolidaysOf2026() {
        Map<LocalDate, String> bw = PublicHolidays.of(2026, GermanState.BW);
        assertEquals("Karfreitag", bw.get(LocalDate.of(2026, 4, 3)));
        assertEquals("Ostermontag", bw.get(LocalDate.of(2026, 4, 6)));
        assertEquals("Christi Himmelfahrt", bw.get(LocalDate.of(2026, 5, 14)));
        assertEquals("Pfingstmontag", bw.get(LocalDate.of(2026, 5, 25)));
        assertEquals("Fronleichnam", bw.get(LocalDate.of(2026, 6, 4)));
        assertEquals("Ostersonntag", PublicHolidays.of(2026, GermanState.BB).get(LocalDate.of(2026, 4, 5)));
    }

    @Test
    void stateSpecificDaysWithTheirStartYears() {
        assertEquals("Buß- und Bettag", PublicHolidays.holiday(LocalDate.of(2026, 11, 18), GermanState.SN).orElseThrow());
        assertEquals("Buß- und Bettag", PublicHolidays.holiday(LocalDate.of(2023, 11, 22), GermanState.SN).orElseThrow());
        assertTrue(PublicHolidays.holiday(LocalDate.of(2026, 11, 18), GermanState.BY).isEmpty());
        assertEquals("Reformationstag", PublicHolidays.holiday(LocalDate.of(2026, 10, 31), GermanState.HH).orElseThrow());
        assertTrue(PublicHolidays.holiday(LocalDate.of(2016, 10, 31), GermanState.HH).isEmpty());
        assertTrue(PublicHolidays.holiday(LocalDate.of(2018, 3, 8), GermanState.BE).isEmpty(), "Frauentag in Berlin only since 2019");
        assertEquals("Internationaler Frauentag", PublicHolidays.holiday(LocalDate.of(2023, 3, 8), GermanState.MV).orElseThrow());
        assertEquals("Weltkindertag", PublicHolidays.holiday(LocalDate.of(2026, 9, 20), GermanState.TH).orElseThrow());
        assertEquals("Tag der Befreiung", PublicHolidays.holiday(LocalDate.of(2025, 5, 8), GermanState.BE).orElseThrow());
        assertTrue(PublicHolidays.holiday(LocalDate.of(2026, 5, 8), GermanState.BE).isEmpty());
        assertEquals(Month.OCTOBER, PublicHolidays.holiday(LocalDate.of(2017, 10, 31), null).map(n -> Month.OCTOBER).orElseThrow());
    }

    @Test
    void stateNamesParseInTheirCommonForms() {
        assertEquals(GermanState.BY, GermanState.parse("BY").orElseThrow());
        assertEquals(GermanState.BY, GermanState.parse("DE-BY").orElseThrow());
        assertEquals(GermanState.BY, GermanState.parse("Bayern").orElseThrow());
        assertEquals(GermanState.BY, GermanState.parse("bavaria").orElseThrow());
        assertEquals(GermanState.TH, GermanState.parse("Thüringen").orElseThrow());
        assertEquals(GermanState.BE, GermanState.parse(" berlin ").orElseThrow());
        assertTrue(GermanState.parse("Atlantis").isEmpty());
        assertTrue(GermanState.parse(null).isEmpty());
    }
}

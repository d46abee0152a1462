package io.agiledunning.cases.dunning.guardrails;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static io.agiledunning.cases.dunning.guardrails.GermanState.*;

/**
 * German public holidays, computed (Easter by the Gregorian computus), nationwide and per state, as the
 * Feiertagsgesetze of the Länder define them (sources in docs/dunning.md). Holidays that only some
 * municipalities keep (Fronleichnam in parts of Saxony and Thuringia, the Augsburg Friedensfest) are not
 * included; Mariä Himmelfahrt is treated as a holiday in all of Bavaria (it is one in most municipalities,
 * Munich included): for a contact guardrail a day too many is the safe error.
 */
public final class PublicHolidays {

    private PublicHolidays() {
    }

    /** The holiday's name if {@code date} is a public holiday in {@code state} (null: nationwide ones only). */
    public static Optional<String> holiday(LocalDate date, GermanState state) {
        return Optional.ofNullable(of(date.getYear(), state).get(date));
    }

    /** All public holidays of a year in a state (null: nationwide ones only), in date order. */
    public static Map<LocalDate, String> of(int year, GermanState state) {
        Map<LocalDate, String> days = new TreeMap<>();
        LocalDate easter = easterSunday(year);
        put(days, LocalDate.of(year, 1, 1), "Neujahr");
        put(days, easter.minusDays(2), "Karfreitag");
        put(days, easter.plusDays(1), "Ostermontag");
        put(days, LocalDate.of(year, 5, 1), "Tag der Arbeit");
        put(days, easter.plusDays(39), "Christi Himmelfahrt");
        put(days, easter.plusDays(50), "Pfingstmontag");
        if (year >= 1990) {
            put(days, LocalDate.of(year, 10, 3), "Tag der Deutschen Einheit");
        }
        put(days, LocalDate.of(year, 12, 25), "1. Weihnachtstag");
        put(days, LocalDate.of(year, 12, 26), "2. Weihnachtstag");
        if (year == 2017) {
            put(days, LocalDate.of(2017, 10, 31), "Reformationstag (500 Jahre Reformation)");
        }
        if (state == null) {
            return days;
        }
        add(days, year, state, EnumSet.of(BW, BY, ST), MonthDay.of(1, 6), "Heilige Drei Könige");
        if (state == BE && year >= 2019 || state == MV && year >= 2023) {
            put(days, LocalDate.of(year, 3, 8), "Internationaler Frauentag");
        }
        if (state == BB) {
            put(days, easter, "Ostersonntag");
            put(days, easter.plusDays(49), "Pfingstsonntag");
        }
        if (state == BE && (year == 2020 || year == 2025)) {
            put(days, LocalDate.of(year, 5, 8), "Tag der Befreiung");
        }
        if (EnumSet.of(BW, BY, HE, NW, RP, SL).contains(state)) {
            put(days, easter.plusDays(60), "Fronleichnam");
        }
        add(days, year, state, EnumSet.of(BY, SL), MonthDay.of(8, 15), "Mariä Himmelfahrt");
        if (state == TH && year >= 2019) {
            put(days, LocalDate.of(year, 9, 20), "Weltkindertag");
        }
        Set<GermanState> reformation = year >= 2018 ? EnumSet.of(BB, MV, SN, ST, TH, HB, HH, NI, SH) : EnumSet.of(BB, MV, SN, ST, TH);
        add(days, year, state, reformation, MonthDay.of(10, 31), "Reformationstag");
        add(days, year, state, EnumSet.of(BW, BY, NW, RP, SL), MonthDay.of(11, 1), "Allerheiligen");
        if (state == SN) {
            put(days, LocalDate.of(year, 11, 23).with(TemporalAdjusters.previous(DayOfWeek.WEDNESDAY)), "Buß- und Bettag");
        }
        return days;
    }

    /** Two holidays may fall on one day (Christi Himmelfahrt on 1 May 2008): both names are kept. */
    private static void put(Map<LocalDate, String> days, LocalDate day, String name) {
        days.merge(day, name, (a, b) -> a + " / " + b);
    }

    private static void add(Map<LocalDate, String> days, int year, GermanState state, Set<GermanState> states, MonthDay day, String name) {
        if (states.contains(state)) {
            put(days, day.atYear(year), name);
        }
    }

    /** Easter Sunday of the Gregorian calendar (anonymous algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}

package io.agiledunning.cases.law;

import java.util.Objects;

/**
 * Choices where reasonable calculations differ. Named so that an outside calculation can be compared like with
 * like; see docs/domain.md for why the defaults were chosen.
 *
 * @param firstInterestDay         the first day that bears interest
 * @param paymentDayBearsInterest  whether the principal paid on a day still bears interest on that day
 * @param dayCount                 how a day is turned into a fraction of a year
 * @param rounding                 when interest is rounded to the cent
 */
public record Conventions(FirstInterestDay firstInterestDay, boolean paymentDayBearsInterest, DayCount dayCount,
                          Rounding rounding) {

    public enum FirstInterestDay {
        /** § 187(1) BGB: the day of the default-creating event is not counted. Default. */
        DAY_AFTER_DEFAULT,
        /** Count the event day itself (some courts and calculators do). */
        DAY_OF_DEFAULT
    }

    public enum DayCount {
        /** Actual days / 365, also in leap years. Default; the usual court-calculator choice. */
        ACT_365,
        /** Actual days / actual days of that calendar year (366 in a leap year); periods are cut at 1 January. */
        ACT_ACT
    }

    public enum Rounding {
        /** Each interest period is rounded HALF_UP to the cent, then summed. Default: every line on a statement adds up. */
        PER_PERIOD,
        /** Periods are summed exactly and the total is rounded HALF_UP once. */
        ONCE
    }

    public Conventions {
        Objects.requireNonNull(firstInterestDay, "firstInterestDay");
        Objects.requireNonNull(dayCount, "dayCount");
        Objects.requireNonNull(rounding, "rounding");
    }

    public static Conventions defaults() {
        return new Conventions(FirstInterestDay.DAY_AFTER_DEFAULT, false, DayCount.ACT_365, Rounding.PER_PERIOD);
    }

    public Conventions withFirstInterestDay(FirstInterestDay value) {
        return new Conventions(value, paymentDayBearsInterest, dayCount, rounding);
    }

    public Conventions withPaymentDayBearsInterest(boolean value) {
        return new Conventions(firstInterestDay, value, dayCount, rounding);
    }

    public Conventions withDayCount(DayCount value) {
        return new Conventions(firstInterestDay, paymentDayBearsInterest, value, rounding);
    }

    public Conventions withRounding(Rounding value) {
        return new Conventions(firstInterestDay, paymentDayBearsInterest, dayCount, value);
    }
}

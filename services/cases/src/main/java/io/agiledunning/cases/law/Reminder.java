package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A reminder about a claim, taken as received the day it was sent. Every reminder counts for default (§ 286(1)
 * BGB); what it may cost is its {@code fee}: the amount its dunning step announced (zero: free, or charged on
 * another claim of the same letter), or empty for the tenant's flat reminder fee of its {@link FeeSchedule}.
 * Whether it is charged at all the {@link LegalEngine} decides.
 */
public record Reminder(LocalDate sentOn, Optional<Money> fee) {

    public Reminder {
        Objects.requireNonNull(sentOn, "sentOn");
        Objects.requireNonNull(fee, "fee");
        fee.filter(Money::isNegative).ifPresent(negative -> {
            throw new IllegalArgumentException("a reminder fee must not be negative, got " + negative);
        });
    }

    /** A reminder costing the tenant's flat reminder fee. */
    public static Reminder at(LocalDate sentOn) {
        return new Reminder(sentOn, Optional.empty());
    }

    public static Reminder costing(LocalDate sentOn, Money fee) {
        return new Reminder(sentOn, Optional.of(fee));
    }

}

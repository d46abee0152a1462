package io.agiledunning.cases.law;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * When and why default began.
 *
 * @param began the day of the default-creating event: the reminder's day, the fixed calendar date, or the 30th day
 *              after due date and receipt. The debtor is treated as in default from the end of that day, which is
 *              why, under § 187(1) BGB, interest and post-default costs count from the day after.
 * @param creatingReminder index into {@link Claim#reminders()} of the reminder that created default, if one did;
 *              its cost is not chargeable (it is not damage caused by a default that did not yet exist).
 */
public record DefaultStart(LocalDate began, DefaultReason reason, OptionalInt creatingReminder) {

    public DefaultStart {
        Objects.requireNonNull(began, "began");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(creatingReminder, "creatingReminder");
    }

    /** True on days after the default-creating event (see {@link #began}). */
    public boolean inDefaultOn(LocalDate day) {
        return day.isAfter(began);
    }
}

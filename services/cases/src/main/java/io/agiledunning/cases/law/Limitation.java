package io.agiledunning.cases.law;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The limitation of a claim (§§ 195, 199, 212 BGB). Interest and costs share it (§ 217 BGB).
 *
 * @param date        the last day the claim can still be enforced; it is time-barred from the day after
 * @param restartedBy the payment day (acknowledgment, § 212(1) no. 1) that set {@code date}, if one did
 */
public record Limitation(LocalDate date, Optional<LocalDate> restartedBy) {

    public boolean isTimeBarred(LocalDate asOf) {
        return asOf.isAfter(date);
    }

    /** For warnings: true when not yet barred but barred within {@code days} days after {@code asOf}. */
    public boolean expiresWithin(LocalDate asOf, int days) {
        return !isTimeBarred(asOf) && ChronoUnit.DAYS.between(asOf, date) < days;
    }
}

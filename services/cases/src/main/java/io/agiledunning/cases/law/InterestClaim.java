package io.agiledunning.cases.law;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How much default interest the tenant claims. A tenant may claim less than the law allows, or none, never more:
 * the cap only ever lowers the statutory rate.
 *
 * @param capPercent maximum rate in percent p.a.; empty = the full statutory rate
 */
public record InterestClaim(Optional<BigDecimal> capPercent) {

    public InterestClaim {
        Objects.requireNonNull(capPercent, "capPercent");
        capPercent.ifPresent(cap -> {
            if (cap.signum() < 0) {
                throw new IllegalArgumentException("interest cap must not be negative, got " + cap);
            }
        });
    }

    public static InterestClaim statutory() {
        return new InterestClaim(Optional.empty());
    }

    public static InterestClaim none() {
        return new InterestClaim(Optional.of(BigDecimal.ZERO));
    }

    public static InterestClaim cappedAt(String percent) {
        return new InterestClaim(Optional.of(new BigDecimal(percent)));
    }

    /** The rate actually claimed: the statutory rate, lowered to the cap, never below zero. */
    public BigDecimal apply(BigDecimal statutoryPercent) {
        BigDecimal rate = capPercent.map(statutoryPercent::min).orElse(statutoryPercent);
        return rate.max(BigDecimal.ZERO);
    }
}

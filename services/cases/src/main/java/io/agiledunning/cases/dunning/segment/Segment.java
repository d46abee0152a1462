package io.agiledunning.cases.dunning.segment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Cases matching {@code rule} get {@code strategyKey}; a share of them ({@code controlShare}, 0–1) is kept as a
 * permanent control group that runs {@code controlStrategyKey} (the tenant's static strategy) for honest
 * measurement.
 *
 * @param controlStrategyKey null: the built-in default
 */
public record Segment(String key, int priority, SegmentRule rule, String strategyKey, BigDecimal controlShare,
                      String controlStrategyKey) {

    public Segment {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(strategyKey, "strategyKey");
        controlShare = controlShare == null ? BigDecimal.ZERO : controlShare;
        if (controlShare.signum() < 0 || controlShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("the control share must be between 0 and 1, got " + controlShare);
        }
    }
}

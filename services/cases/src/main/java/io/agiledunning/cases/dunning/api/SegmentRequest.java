package io.agiledunning.cases.dunning.api;

import io.agiledunning.cases.dunning.segment.Segment;
import io.agiledunning.cases.dunning.segment.SegmentRule;
import io.agiledunning.common.errors.ApiException;

import java.math.BigDecimal;

/** The body of {@code PUT /api/segments/{key}}. */
public record SegmentRequest(Integer priority, SegmentRule rule, String strategyKey, BigDecimal controlShare, String controlStrategyKey) {

    Segment toSegment(String key) {
        if (priority == null) {
            throw ApiException.invalid("priority", "is required");
        }
        if (strategyKey == null || strategyKey.isBlank()) {
            throw ApiException.invalid("strategyKey", "is required");
        }
        if (controlShare != null && (controlShare.signum() < 0 || controlShare.compareTo(BigDecimal.ONE) > 0)) {
            throw ApiException.invalid("controlShare", "must be between 0 and 1, got " + controlShare);
        }
        return new Segment(key, priority, rule == null ? SegmentRule.any() : rule, strategyKey, controlShare, controlStrategyKey);
    }
}

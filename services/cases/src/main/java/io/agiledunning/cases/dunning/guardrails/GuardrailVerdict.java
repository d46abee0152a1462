package io.agiledunning.cases.dunning.guardrails;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Allowed, or blocked with every reason (human readable, recorded on the case's timeline) and, where the block
 * passes with time, the earliest instant it no longer applies.
 */
public record GuardrailVerdict(List<String> reasons, Optional<Instant> retryAt) {

    public static final GuardrailVerdict ALLOWED = new GuardrailVerdict(List.of(), Optional.empty());

    public GuardrailVerdict {
        reasons = List.copyOf(reasons);
    }

    public boolean allowed() {
        return reasons.isEmpty();
    }
}

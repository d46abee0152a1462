package io.agiledunning.cases.dunning.strategy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dunning strategy as data: ordered steps, reaction steps for broken promises and missed installments, and
 * the end rule. Amounts (fees, write-off threshold) are in {@code currency}. Immutable once published; a case
 * keeps the version it started with.
 */
public record Strategy(String key, String name, String currency, List<Step> steps, EndRule end) {

    public Strategy {
        steps = steps == null ? List.of() : List.copyOf(steps);
        Objects.requireNonNull(end, "end");
    }

    /** The steps sent in order (reactions left out). */
    public List<Step> orderedSteps() {
        return steps.stream().filter(step -> !step.isReaction()).toList();
    }

    public Optional<Step> reactionTo(TriggerKind kind) {
        return steps.stream().filter(step -> step.trigger().kind() == kind).findFirst();
    }
}

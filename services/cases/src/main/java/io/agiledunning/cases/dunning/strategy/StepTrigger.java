package io.agiledunning.cases.dunning.strategy;

import java.util.Objects;

public record StepTrigger(TriggerKind kind, int days) {

    public StepTrigger {
        Objects.requireNonNull(kind, "kind");
    }
}

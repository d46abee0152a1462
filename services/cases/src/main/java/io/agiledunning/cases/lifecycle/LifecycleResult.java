package io.agiledunning.cases.lifecycle;

/** What {@link CaseLifecycle#apply} answers: a {@link Transition} to record, or a {@link Refusal}. */
public sealed interface LifecycleResult permits Transition, Refusal {
}

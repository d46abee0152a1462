package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.util.UUID;

/** The promised payment arrived; {@code to} is PAID (nothing left) or IN_DUNNING (for the rest). */
public record PromiseKept(UUID caseId, Money outstandingAfter, String to) implements DomainEvent {
}

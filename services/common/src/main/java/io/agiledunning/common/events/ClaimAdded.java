package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.util.UUID;

/** A new claim of the same debtor joined the case; its status did not change. */
public record ClaimAdded(UUID caseId, String claimReference, Money amount) implements DomainEvent {
}

package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.util.UUID;

/** A tenant placed a new case with the platform. */
public record CaseOpened(UUID caseId, String externalReference, String debtorName, Money outstanding) implements DomainEvent {
}

package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.UUID;

/** The debtor promised to pay {@code amount} by {@code payBy}. */
public record PromiseMade(UUID caseId, LocalDate payBy, Money amount) implements DomainEvent {
}

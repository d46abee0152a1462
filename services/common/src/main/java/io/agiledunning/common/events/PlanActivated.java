package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.UUID;

/** An installment plan agreed with the debtor started. */
public record PlanActivated(UUID caseId, int installments, Money installmentAmount, LocalDate firstDueOn) implements DomainEvent {
}

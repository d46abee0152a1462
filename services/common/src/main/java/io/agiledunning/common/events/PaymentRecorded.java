package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.UUID;

/** Money was received for a case. */
public record PaymentRecorded(UUID paymentId, UUID caseId, Money amount, String method, LocalDate receivedOn) implements DomainEvent {
}

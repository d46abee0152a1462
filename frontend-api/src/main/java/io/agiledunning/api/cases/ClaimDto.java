package io.agiledunning.api.cases;

import io.agiledunning.common.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A claim as the cases service returns it ({@code open}: principal + fees − paid, zero once withdrawn). */
public record ClaimDto(UUID id, String externalReference, UUID debtorId, UUID caseId, String invoiceNumber, LocalDate issueDate,
                       LocalDate dueDate, Money principal, boolean consumerNotice, Money fees, Money paid, Money open,
                       Instant withdrawnAt, String withdrawalReason) {
}

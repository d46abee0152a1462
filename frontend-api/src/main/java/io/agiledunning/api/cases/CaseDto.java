package io.agiledunning.api.cases;

import io.agiledunning.common.money.Money;

import java.time.Instant;
import java.util.UUID;

/** A case as the cases service returns it ({@code closeReason} null while it runs). */
public record CaseDto(UUID id, String externalReference, String debtorName, Money outstanding, String status, Instant createdAt,
                      String closeReason, java.time.LocalDate oldestDueDate) {
}

package io.agiledunning.common.events;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Money was received for a case.
 *
 * @param designatedClaimIds the case's claims the debtor named for this payment (§ 366(1) BGB), in the order named;
 *                           empty when the debtor named none (also for events written before the field existed)
 */
public record PaymentRecorded(UUID paymentId, UUID caseId, Money amount, String method, LocalDate receivedOn,
                              List<UUID> designatedClaimIds) implements DomainEvent {

    public PaymentRecorded {
        designatedClaimIds = designatedClaimIds == null ? List.of() : List.copyOf(designatedClaimIds);
    }

    /** A payment without designation. */
    public PaymentRecorded(UUID paymentId, UUID caseId, Money amount, String method, LocalDate receivedOn) {
        this(paymentId, caseId, amount, method, receivedOn, List.of());
    }
}

package io.agiledunning.cases.placement;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;

/**
 * A change to a placed claim, found by the tenant's {@code externalReference}: every other field left out (null)
 * keeps what the claim says. The result is checked by {@link PlacementValidation#checkClaim} like a placement.
 */
public record ClaimPatch(String externalReference, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                         Money principal, Boolean consumerNotice, Money fees, Money paid) {

    /** The claim as it would read with this change, normalized. */
    public ClaimData applyTo(ClaimData current) {
        return new ClaimData(current.externalReference(),
                invoiceNumber != null ? invoiceNumber : current.invoiceNumber(),
                issueDate != null ? issueDate : current.issueDate(),
                dueDate != null ? dueDate : current.dueDate(),
                principal != null ? principal : current.principal(),
                consumerNotice != null ? consumerNotice : current.consumerNotice(),
                fees != null ? fees : current.fees(),
                paid != null ? paid : current.paid()).normalized();
    }
}

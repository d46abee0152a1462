package io.agiledunning.cases.placement;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;

/**
 * A claim (an invoice) as the tenant places it. {@code consumerNotice}: the invoice carried the notice of
 * § 286(3) BGB. Fees and payments received default to zero in the principal's currency.
 */
public record ClaimData(String externalReference, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                        Money principal, Boolean consumerNotice, Money fees, Money paid) {

    public ClaimData normalized() {
        String currency = principal == null ? null : principal.currency().getCurrencyCode();
        return new ClaimData(text(externalReference), text(invoiceNumber), issueDate, dueDate, principal,
                Boolean.TRUE.equals(consumerNotice),
                fees == null && currency != null ? Money.zero(currency) : fees,
                paid == null && currency != null ? Money.zero(currency) : paid);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

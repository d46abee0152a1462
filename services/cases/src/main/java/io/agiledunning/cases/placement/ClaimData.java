package io.agiledunning.cases.placement;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /**
     * The names of the fields (as in the API: {@code invoiceNumber}, {@code principal}, …) in which {@code other}
     * differs from this claim, in declaration order; both normalized.
     */
    public List<String> changedFields(ClaimData other) {
        List<String> changed = new ArrayList<>();
        differs(changed, "invoiceNumber", invoiceNumber, other.invoiceNumber);
        differs(changed, "issueDate", issueDate, other.issueDate);
        differs(changed, "dueDate", dueDate, other.dueDate);
        differs(changed, "principal", principal, other.principal);
        differs(changed, "consumerNotice", consumerNotice, other.consumerNotice);
        differs(changed, "fees", fees, other.fees);
        differs(changed, "paid", paid, other.paid);
        return changed;
    }

    private static void differs(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

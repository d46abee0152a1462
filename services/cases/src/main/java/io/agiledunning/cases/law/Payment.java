package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A payment received from a debtor.
 *
 * @param designation the claim ids the debtor named (§ 366(1) BGB), in the order named; empty = none
 */
public record Payment(String id, LocalDate paidOn, Money amount, List<String> designation) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(paidOn, "paidOn");
        Objects.requireNonNull(amount, "amount");
        designation = List.copyOf(designation);
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("payment must be positive, got " + amount);
        }
    }

    public static Payment of(String id, LocalDate paidOn, Money amount) {
        return new Payment(id, paidOn, amount, List.of());
    }

    public static Payment designated(String id, LocalDate paidOn, Money amount, String... claimIds) {
        return new Payment(id, paidOn, amount, List.of(claimIds));
    }
}

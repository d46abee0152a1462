package io.agiledunning.common.money;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency. The amount always carries the currency's number of minor digits
 * (EUR 12.5 is stored as 12.50), so two equal amounts are {@code equals} and minor units are exact.
 * Amounts with more digits than the currency has are refused rather than rounded silently.
 */
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE) // JSON: {"amount": 12.50, "currency": "EUR"}
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        try {
            amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "%s has at most %d decimal places, got %s"
                            .formatted(currency.getCurrencyCode(), currency.getDefaultFractionDigits(), amount.toPlainString()));
        }
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money ofMinor(long minorUnits, String currencyCode) {
        Currency currency = currency(currencyCode);
        return new Money(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()), currency);
    }

    public static Money zero(String currencyCode) {
        return ofMinor(0, currencyCode);
    }

    /** @throws IllegalArgumentException naming the code when it is not an ISO 4217 currency */
    public static Currency currency(String currencyCode) {
        try {
            return Currency.getInstance(Objects.requireNonNull(currencyCode, "currency"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency '%s' (expected an ISO 4217 code such as EUR)".formatted(currencyCode));
        }
    }

    public long minorUnits() {
        return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine %s with %s".formatted(currency, other.currency));
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}

package io.agiledunning.common.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoneyTest {

    @Test
    void normalisesToTheCurrencysMinorDigits() {
        assertEquals(Money.of("12.50", "EUR"), Money.of("12.5", "EUR"));
        assertEquals(1250, Money.of("12.5", "EUR").minorUnits());
        assertEquals(new BigDecimal("1000"), Money.ofMinor(1000, "JPY").amount());
    }

    @Test
    void addsAndSubtractsExactly() {
        Money sum = Money.of("0.10", "EUR").plus(Money.of("0.20", "EUR"));
        assertEquals(Money.of("0.30", "EUR"), sum);
        assertTrue(Money.of("0.30", "EUR").minus(Money.of("0.31", "EUR")).isNegative());
    }

    @Test
    void refusesSubCentAmountsInsteadOfRounding() {
        var error = assertThrows(IllegalArgumentException.class, () -> Money.of("1.005", "EUR"));
        assertEquals("EUR has at most 2 decimal places, got 1.005", error.getMessage());
    }

    @Test
    void refusesMixingCurrencies() {
        var error = assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
        assertEquals("cannot combine EUR with USD", error.getMessage());
    }

    @Test
    void namesAnUnknownCurrency() {
        var error = assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EURO"));
        assertEquals("unknown currency 'EURO' (expected an ISO 4217 code such as EUR)", error.getMessage());
    }
}

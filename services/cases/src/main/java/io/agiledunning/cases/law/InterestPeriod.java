package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Interest on one stretch of days with one principal and one rate: {@code principal × rate × days / yearDays}.
 *
 * @param to        last day bearing interest in this period (inclusive)
 * @param yearDays  365 under ACT/365; 365 or 366 under ACT/ACT
 * @param exact     unrounded amount (10 decimals), summed when rounding once
 * @param amount    the exact amount rounded HALF_UP to the cent
 */
public record InterestPeriod(LocalDate from, LocalDate to, long days, BigDecimal ratePercent, Money principal,
                             int yearDays, BigDecimal exact, Money amount) {
}

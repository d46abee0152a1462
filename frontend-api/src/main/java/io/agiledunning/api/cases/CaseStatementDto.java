package io.agiledunning.api.cases;

import io.agiledunning.common.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A case's legal statement as the cases service returns it ({@code GET /api/cases/{id}/statement}). */
public record CaseStatementDto(UUID caseId, LocalDate asOf, String currency, String debtorKind, List<Claim> claims,
                               List<Payment> payments, Totals totals, int legalSettingsVersion) {

    public record Claim(UUID claimId, String externalReference, String invoiceNumber, LocalDate issueDate, LocalDate dueDate,
                        LocalDate invoiceReceived, boolean consumerNotice, Money principal, List<LocalDate> reminders,
                        DefaultStart defaultStart,
                        LocalDate lastInterestDay, List<InterestPeriod> interestPeriods, Money interest, List<Fee> fees,
                        Money costs, Money allocated, Money balance, Money paid, Limitation limitation) {
    }

    public record Payment(UUID paymentId, LocalDate paidOn, Money amount, String method, List<Allocation> allocations,
                          Money unallocated) {
    }

    public record Allocation(UUID claimId, String claimReference, String component, Money amount, String claimRule,
                             String componentRule) {
    }

    public record DefaultStart(LocalDate began, String reason) {
    }

    public record InterestPeriod(LocalDate from, LocalDate to, long days, BigDecimal ratePercent, Money principal,
                                 int yearDays, Money amount) {
    }

    public record Fee(String kind, LocalDate chargedOn, Money amount, String basis) {
    }

    public record Limitation(LocalDate date, boolean timeBarred, boolean expiresSoon) {
    }

    public record Totals(Money principal, Money interest, Money costs, Money allocated, Money balance, Money paid) {
    }
}

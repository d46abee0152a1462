package io.agiledunning.cases.law;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static io.agiledunning.cases.law.LawFixtures.business;
import static io.agiledunning.cases.law.LawFixtures.consumer;
import static io.agiledunning.cases.law.LawFixtures.d;
import static io.agiledunning.cases.law.LawFixtures.engine;
import static io.agiledunning.cases.law.LawFixtures.eur;
import static io.agiledunning.cases.law.LawFixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Worked cases. Every expected amount was derived by hand from the rule and the base-rate table in DOMAIN.md
 * (consumer = base + 5 pp, business = base + 9 pp):
 *
 * <pre>
 * from        base   consumer  business
 * 2023-01-01  1.62   6.62      10.62
 * 2023-07-01  3.12   8.12      12.12
 * 2024-01-01  3.62   8.62      12.62
 * 2024-07-01  3.37   8.37      12.37
 * 2025-01-01  2.27   7.27      11.27
 * 2025-07-01  1.27   6.27      10.27
 * 2026-01-01  1.27   6.27      10.27
 * </pre>
 *
 * Defaults unless a case says otherwise: interest from the day after default began, the payment day bears no
 * interest, ACT/365, each period rounded HALF_UP to the cent, reminder fee EUR 1.50.
 */
class WorkedCasesTest {

    @Nested
    class DefaultBegins {

        @Test
        void d01_reminderAfterDueDateCreatesDefault() {
            // Due 15 Mar, reminder 20 Mar: § 286(1), the reminder (index 0) creates default on 20 Mar.
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withReminders(d("2024-03-20"));
            DefaultStart start = engine().defaultStart(claim, d("2024-06-30")).orElseThrow();
            assertEquals(new DefaultStart(d("2024-03-20"), DefaultReason.REMINDER_AFTER_DUE, OptionalInt.of(0)), start);
        }

        @Test
        void d02_consumerWithoutNoticeIsNotInDefaultWithoutReminder() {
            // § 286(3) sentence 1 half 2: the 30-day rule reaches a consumer only if the invoice said so.
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15");
            assertEquals(Optional.empty(), engine().defaultStart(claim, d("2024-12-31")));
        }

        @Test
        void d03_consumerWithNoticeThirtyDaysAfterDueAndReceipt() {
            // Received 1 Mar, due 15 Mar; later of both = 15 Mar; + 30 days = 14 Apr (16 days left in March + 14).
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withConsumerNotice(true);
            DefaultStart start = engine().defaultStart(claim, d("2024-06-30")).orElseThrow();
            assertEquals(d("2024-04-14"), start.began());
            assertEquals(DefaultReason.THIRTY_DAYS_AFTER_DUE_AND_RECEIPT, start.reason());
            assertEquals(OptionalInt.empty(), start.creatingReminder());
        }

        @Test
        void d04_businessThirtyDaysRunFromLateReceipt() {
            // Due 15 Mar but received 20 Mar: the later day counts; 20 Mar + 30 = 19 Apr.
            Claim claim = business("c", "1000.00", "2024-03-01", "2024-03-15").withInvoiceReceived(d("2024-03-20"));
            assertEquals(d("2024-04-19"), engine().defaultStart(claim, d("2024-06-30")).orElseThrow().began());
        }

        @Test
        void d05_calendarDateLeapDayNoReminderCreatesDefault() {
            // § 286(2) no. 1: due on the fixed 29 Feb 2024; the later reminder creates nothing.
            Claim claim = consumer("c", "1000.00", "2024-02-01", "2024-02-29").withCalendarDateFixed(true)
                    .withReminders(d("2024-03-05"));
            DefaultStart start = engine().defaultStart(claim, d("2024-06-30")).orElseThrow();
            assertEquals(new DefaultStart(d("2024-02-29"), DefaultReason.CALENDAR_DATE, OptionalInt.empty()), start);
        }

        @Test
        void d06_reminderOnTheDueDateDoesNotCount() {
            // § 286(1) needs a reminder after the claim fell due: 15 Mar (= due) does not count, 25 Mar (index 1) does.
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15")
                    .withReminders(d("2024-03-15"), d("2024-03-25"));
            DefaultStart start = engine().defaultStart(claim, d("2024-06-30")).orElseThrow();
            assertEquals(d("2024-03-25"), start.began());
            assertEquals(OptionalInt.of(1), start.creatingReminder());
        }

        @Test
        void d07_reminderOnTheThirtiethDayIsTheCreatingOne() {
            // Business, due = received = 15 Mar, 30th day = 14 Apr; a reminder that same day created default first.
            Claim claim = business("c", "1000.00", "2024-03-15", "2024-03-15").withReminders(d("2024-04-14"));
            DefaultStart start = engine().defaultStart(claim, d("2024-06-30")).orElseThrow();
            assertEquals(DefaultReason.REMINDER_AFTER_DUE, start.reason());
            assertEquals(OptionalInt.of(0), start.creatingReminder());
        }

        @Test
        void d08_reminderAfterThirtyDaysIsNotTheCreatingOne() {
            // 30th day 14 Apr comes before the reminder of 1 May: default by § 286(3), the reminder is chargeable.
            Claim claim = business("c", "1000.00", "2024-03-15", "2024-03-15").withReminders(d("2024-05-01"));
            DefaultStart start = engine().defaultStart(claim, d("2024-06-30")).orElseThrow();
            assertEquals(d("2024-04-14"), start.began());
            assertEquals(OptionalInt.empty(), start.creatingReminder());
        }

        @Test
        void d09_factsAfterAsOfAreIgnored() {
            // 30th day is 14 Apr: as of 13 Apr not in default, as of 14 Apr the event has happened.
            Claim claim = business("c", "1000.00", "2024-03-15", "2024-03-15");
            assertEquals(Optional.empty(), engine().defaultStart(claim, d("2024-04-13")));
            assertTrue(engine().defaultStart(claim, d("2024-04-14")).isPresent());
        }
    }

    @Nested
    class Interest {

        @Test
        void i01_consumerOneMonth2024() {
            // Reminder 20 Mar -> interest 21 Mar..20 Apr (as of 21 Apr, payment day bears none) = 11 + 20 = 31 days.
            // 1000.00 × 8.62% × 31/365 = 2672.20/365 = 7.3211 -> 7.32
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withReminders(d("2024-03-20"));
            ClaimStatement s = statement(engine(), claim, List.of(), "2024-04-21");
            assertEquals(eur("7.32"), s.interest());
            assertEquals(1, s.interestPeriods().size());
            InterestPeriod p = s.interestPeriods().getFirst();
            assertEquals(d("2024-03-21"), p.from());
            assertEquals(d("2024-04-20"), p.to());
            assertEquals(31, p.days());
            assertEquals(0, p.ratePercent().compareTo(new BigDecimal("8.62")));
            assertEquals(eur("1007.32"), s.balance());
        }

        @Test
        void i02_businessAcrossJuly2023() {
            // Calendar date 15 Jun 2023 -> interest from 16 Jun; as of 16 Jul -> through 15 Jul.
            // 16..30 Jun: 15 days × 10.62%: 1000 × 0.1062 × 15/365 = 1593/365 = 4.3644 -> 4.36
            // 1..15 Jul:  15 days × 12.12%: 1000 × 0.1212 × 15/365 = 1818/365 = 4.9808 -> 4.98   sum 9.34
            // plus the § 288(5) flat fee 40.00: balance 1000 + 40 + 9.34 = 1049.34
            Claim claim = business("c", "1000.00", "2023-06-01", "2023-06-15").withCalendarDateFixed(true);
            ClaimStatement s = statement(engine(), claim, List.of(), "2023-07-16");
            assertEquals(List.of(eur("4.36"), eur("4.98")), s.interestPeriods().stream().map(InterestPeriod::amount).toList());
            assertEquals(eur("9.34"), s.interest());
            assertEquals(eur("40.00"), s.costs());
            assertEquals(eur("1049.34"), s.balance());
        }

        @Test
        void i03_consumerAcrossThreeHalfYearsIncludingLeap2024() {
            // Calendar date 15 Dec 2023; through 10 Jul 2024.
            // 16..31 Dec 2023: 16 days × 8.12%: 5000 × 0.0812 × 16/365 = 6496/365 = 17.7973 -> 17.80
            // 1 Jan..30 Jun 2024: 31+29+31+30+31+30 = 182 days × 8.62%: 431 × 182/365 = 78442/365 = 214.9096 -> 214.91
            // 1..10 Jul 2024: 10 days × 8.37%: 418.50 × 10/365 = 4185/365 = 11.4658 -> 11.47
            // sum 17.80 + 214.91 + 11.47 = 244.18
            Claim claim = consumer("c", "5000.00", "2023-12-01", "2023-12-15").withCalendarDateFixed(true);
            ClaimStatement s = statement(engine(), claim, List.of(), "2024-07-11");
            assertEquals(List.of(16L, 182L, 10L), s.interestPeriods().stream().map(InterestPeriod::days).toList());
            assertEquals(eur("244.18"), s.interest());
        }

        @Test
        void i04_actualActualUses366In2024() {
            // As i03 but ACT/ACT: 2023 part unchanged 17.80; 78442/366 = 214.3224 -> 214.32; 4185/366 = 11.4344 -> 11.43
            // sum 17.80 + 214.32 + 11.43 = 243.55
            Claim claim = consumer("c", "5000.00", "2023-12-01", "2023-12-15").withCalendarDateFixed(true);
            LegalEngine engine = engine(Conventions.defaults().withDayCount(Conventions.DayCount.ACT_ACT));
            ClaimStatement s = statement(engine, claim, List.of(), "2024-07-11");
            assertEquals(List.of(365, 366, 366), s.interestPeriods().stream().map(InterestPeriod::yearDays).toList());
            assertEquals(eur("243.55"), s.interest());
        }

        @Test
        void i05_roundOnceAtTheEnd() {
            // As i03, exact parts 17.79726 + 214.90959 + 11.46575 = 244.17260 -> 244.17 (one cent below per-period)
            Claim claim = consumer("c", "5000.00", "2023-12-01", "2023-12-15").withCalendarDateFixed(true);
            LegalEngine engine = engine(Conventions.defaults().withRounding(Conventions.Rounding.ONCE));
            assertEquals(eur("244.17"), statement(engine, claim, List.of(), "2024-07-11").interest());
        }

        @Test
        void i06_countingTheDefaultDayItself() {
            // As i01 but from 20 Mar: 32 days. 1000 × 0.0862 × 32/365 = 2758.40/365 = 7.5573 -> 7.56
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withReminders(d("2024-03-20"));
            LegalEngine engine = engine(Conventions.defaults().withFirstInterestDay(Conventions.FirstInterestDay.DAY_OF_DEFAULT));
            assertEquals(eur("7.56"), statement(engine, claim, List.of(), "2024-04-21").interest());
        }

        @Test
        void i07_asOfDayBearsInterestWhenConfigured() {
            // As i01 but the (payment) day 21 Apr bears interest: 21 Mar..21 Apr = 32 days -> 7.56
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withReminders(d("2024-03-20"));
            LegalEngine engine = engine(Conventions.defaults().withPaymentDayBearsInterest(true));
            assertEquals(eur("7.56"), statement(engine, claim, List.of(), "2024-04-21").interest());
        }

        @Test
        void i08_tenantCapsTheRate() {
            // Cap 5%: 1000 × 0.05 × 31/365 = 1550/365 = 4.2466 -> 4.25
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withReminders(d("2024-03-20"))
                    .withInterestClaim(InterestClaim.cappedAt("5"));
            assertEquals(eur("4.25"), statement(engine(), claim, List.of(), "2024-04-21").interest());
        }

        @Test
        void i09_capAboveStatutoryRateNeverRaisesIt() {
            // Cap 20% > 8.62%: the statutory 7.32 of i01.
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withReminders(d("2024-03-20"))
                    .withInterestClaim(InterestClaim.cappedAt("20"));
            assertEquals(eur("7.32"), statement(engine(), claim, List.of(), "2024-04-21").interest());
        }

        @Test
        void i10_tenantClaimsNoInterest() {
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withReminders(d("2024-03-20"))
                    .withInterestClaim(InterestClaim.none());
            ClaimStatement s = statement(engine(), claim, List.of(), "2024-04-21");
            assertEquals(eur("0.00"), s.interest());
            assertEquals(List.of(), s.interestPeriods());
        }

        @Test
        void i11_businessAcrossJuly2025() {
            // Due = received 2 May 2025 -> 30th day 1 Jun -> interest from 2 Jun; as of 31 Jul -> through 30 Jul.
            // 2..30 Jun: 29 days × 11.27%: 2000 × 0.1127 × 29/365 = 6536.60/365 = 17.9085 -> 17.91
            // 1..30 Jul: 30 days × 10.27%: 2000 × 0.1027 × 30/365 = 6162/365 = 16.8822 -> 16.88   sum 34.79
            Claim claim = business("c", "2000.00", "2025-05-02", "2025-05-02");
            ClaimStatement s = statement(engine(), claim, List.of(), "2025-07-31");
            assertEquals(eur("34.79"), s.interest());
            assertEquals(eur("2074.79"), s.balance()); // 2000 + 40 + 34.79
        }

        @Test
        void i12_yearEnd2025WithUnchangedRateStillCutsThePeriod() {
            // Reminder 10 Dec 2025 -> from 11 Dec; as of 21 Jan 2026 -> through 20 Jan. Rate 6.27% both half-years.
            // 11..31 Dec: 21 days: 1200 × 0.0627 × 21/365 = 1580.04/365 = 4.3289 -> 4.33
            // 1..20 Jan:  20 days: 1200 × 0.0627 × 20/365 = 1504.80/365 = 4.1227 -> 4.12   sum 8.45
            Claim claim = consumer("c", "1200.00", "2025-11-01", "2025-12-01").withReminders(d("2025-12-10"));
            ClaimStatement s = statement(engine(), claim, List.of(), "2026-01-21");
            assertEquals(2, s.interestPeriods().size());
            assertEquals(eur("8.45"), s.interest());
        }

        @Test
        void i13_businessFebruary2023() {
            // Calendar 31 Jan 2023 -> 1..28 Feb = 28 days × 10.62%: 10000 × 0.1062 × 28/365 = 29736/365 = 81.4685 -> 81.47
            Claim claim = business("c", "10000.00", "2023-01-02", "2023-01-31").withCalendarDateFixed(true);
            assertEquals(eur("81.47"), statement(engine(), claim, List.of(), "2023-03-01").interest());
        }

        @Test
        void i14_unpublishedHalfYearIsRefusedUntilAdded() {
            // The table ends 30 Jun 2026; 1 Jul 2026 is not published in DOMAIN.md. A hypothetical 2.00% added at
            // run time: 1..10 Jul = 10 days × 7.00%: 1000 × 0.07 × 10/365 = 700/365 = 1.9178 -> 1.92
            Claim claim = consumer("c", "1000.00", "2026-05-01", "2026-06-30").withCalendarDateFixed(true);
            var missing = assertThrows(BaseRateTable.MissingBaseRateException.class,
                    () -> statement(engine(), claim, List.of(), "2026-07-11"));
            assertTrue(missing.getMessage().contains("2026-07-01"), missing.getMessage());
            LegalEngine later = new LegalEngine(LawFixtures.RATES.with(d("2026-07-01"), new BigDecimal("2.00")),
                    Conventions.defaults(), FeeSchedule.of("1.50"));
            assertEquals(eur("1.92"), statement(later, claim, List.of(), "2026-07-11").interest());
        }
    }

    @Nested
    class PartialPayments {

        private final Claim i01 = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withReminders(d("2024-03-20"));

        @Test
        void p01_paymentPaysInterestFirstThenPrincipal() {
            // 100.00 on 21 Apr: interest to date 7.32 (i01), principal 92.68 -> 907.32 from 21 Apr.
            // 21 Apr..20 May: 30 days × 8.62%: 907.32 × 0.0862 × 30/365 = 2346.3295/365 = 6.4283 -> 6.43
            // interest 7.32 + 6.43 = 13.75, paid 7.32, open 6.43; balance 907.32 + 6.43 = 913.75
            ClaimStatement s = statement(engine(), i01, List.of(Payment.of("p", d("2024-04-21"), eur("100.00"))), "2024-05-21");
            assertEquals(List.of(Component.INTEREST, Component.PRINCIPAL),
                    s.allocations().stream().map(AllocationLine::component).toList());
            assertEquals(List.of(eur("7.32"), eur("92.68")), s.allocations().stream().map(AllocationLine::amount).toList());
            assertEquals(eur("13.75"), s.interest());
            assertEquals(eur("907.32"), s.outstandingPrincipal());
            assertEquals(eur("913.75"), s.balance());
        }

        @Test
        void p02_paymentBeforeTheJuly2024RateChange() {
            // Calendar 31 May 2024 -> from 1 Jun. 1000.00 paid 16 Jun: interest 1..15 Jun = 15 days × 8.62%:
            //   3000 × 0.0862 × 15/365 = 3879/365 = 10.6274 -> 10.63; principal 989.37 -> 2010.63
            // 16..30 Jun: 15 days × 8.62%: 2010.63 × 0.0862 × 15/365 = 2599.7446/365 = 7.1226 -> 7.12
            // 1..15 Jul:  15 days × 8.37%: 2010.63 × 0.0837 × 15/365 = 2524.3460/365 = 6.9160 -> 6.92
            // interest 10.63 + 7.12 + 6.92 = 24.67; open 14.04; balance 2010.63 + 14.04 = 2024.67
            Claim claim = consumer("c", "3000.00", "2024-05-01", "2024-05-31").withCalendarDateFixed(true);
            ClaimStatement s = statement(engine(), claim, List.of(Payment.of("p", d("2024-06-16"), eur("1000.00"))), "2024-07-16");
            assertEquals(List.of(eur("10.63"), eur("7.12"), eur("6.92")),
                    s.interestPeriods().stream().map(InterestPeriod::amount).toList());
            assertEquals(eur("10.63"), s.paidInterest());
            assertEquals(eur("14.04"), s.outstandingInterest());
            assertEquals(eur("2024.67"), s.balance());
        }

        @Test
        void p03_paymentSmallerThanCosts() {
            // Business, due = received 2 Sep 2024, reminders 10 Sep (creates default, free) and 24 Sep (fee 2.50).
            // Costs on 1 Oct: 40.00 (§ 288(5)) + 2.50 = 42.50; a payment of 30.00 goes to costs only.
            // Interest 11..30 Sep: 20 days × 12.37%: 500 × 0.1237 × 20/365 = 1237/365 = 3.3890 -> 3.39, untouched.
            // As of 1 Oct: costs open 12.50, interest 3.39, principal 500.00 -> balance 515.89
            Claim claim = business("c", "500.00", "2024-09-02", "2024-09-02").withReminders(d("2024-09-10"), d("2024-09-24"));
            ClaimStatement s = statement(engine(FeeSchedule.of("2.50")), claim,
                    List.of(Payment.of("p", d("2024-10-01"), eur("30.00"))), "2024-10-01");
            assertEquals(1, s.allocations().size());
            assertEquals(Component.COSTS, s.allocations().getFirst().component());
            assertEquals(eur("30.00"), s.allocations().getFirst().amount());
            assertEquals(eur("12.50"), s.outstandingCosts());
            assertEquals(eur("3.39"), s.outstandingInterest());
            assertEquals(eur("515.89"), s.balance());
        }

        @Test
        void p04_consumerLoanOrderPaysPrincipalBeforeInterest() {
            // § 497(3): 100.00 on 21 Apr all to principal -> 900.00; interest 7.32 (i01) stays open.
            // 21 Apr..20 May: 900 × 0.0862 × 30/365 = 2327.40/365 = 6.3764 -> 6.38; interest 13.70; balance 913.70
            Claim claim = i01.withAllocationOrder(AllocationOrder.COSTS_PRINCIPAL_INTEREST);
            ClaimStatement s = statement(engine(), claim, List.of(Payment.of("p", d("2024-04-21"), eur("100.00"))), "2024-05-21");
            assertEquals(eur("100.00"), s.paidPrincipal());
            assertEquals(eur("13.70"), s.interest());
            assertEquals(eur("913.70"), s.balance());
        }

        @Test
        void p05_payingTheStatementBalanceSettlesTheClaimForGood() {
            // i01 balance on 21 Apr is 1007.32; paid that day, nothing accrues afterwards.
            ClaimStatement s = statement(engine(), i01, List.of(Payment.of("p", d("2024-04-21"), eur("1007.32"))), "2024-12-31");
            assertEquals(eur("0.00"), s.balance());
            assertEquals(eur("7.32"), s.interest());
        }

        @Test
        void p06_overpaymentIsLeftUnallocated() {
            // 1100.00 against 1007.32 owed: 92.68 unallocated.
            PaymentAllocation a = engine().allocate(List.of(i01),
                    List.of(Payment.of("p", d("2024-04-21"), eur("1100.00"))), d("2024-04-21")).getFirst();
            assertEquals(eur("92.68"), a.unallocated());
            a.lines().forEach(l -> assertEquals(ClaimRule.ONLY_OPEN_CLAIM, l.claimRule()));
        }

        @Test
        void p07_paymentDayBearingInterest() {
            // Option: 21 Apr bears interest. Interest to date 32 days = 7.56 (i07); principal 92.44 -> 907.56 from 22 Apr.
            // 22 Apr..21 May: 30 days: 907.56 × 0.0862 × 30/365 = 2346.9502/365 = 6.4300 -> 6.43
            // interest 13.99, open 6.43, balance 907.56 + 6.43 = 913.99
            LegalEngine engine = engine(Conventions.defaults().withPaymentDayBearsInterest(true));
            ClaimStatement s = statement(engine, i01, List.of(Payment.of("p", d("2024-04-21"), eur("100.00"))), "2024-05-21");
            assertEquals(eur("7.56"), s.paidInterest());
            assertEquals(eur("13.99"), s.interest());
            assertEquals(eur("913.99"), s.balance());
        }
    }

    @Nested
    class Fees {

        @Test
        void f01_defaultCreatingReminderIsFreeLaterOnesCost() {
            // Reminders 20 Mar (creates default), 3 Apr, 17 Apr: 2 × 1.50 = 3.00
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15")
                    .withReminders(d("2024-03-20"), d("2024-04-03"), d("2024-04-17"));
            assertEquals(eur("3.00"), statement(engine(), claim, List.of(), "2024-05-01").costs());
        }

        @Test
        void f02_firstReminderIsFreeEvenAfterCalendarDefault() {
            // Default by calendar date 15 Mar; reminder 20 Mar is the first (schedule: free), 3 Apr costs 1.50.
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withCalendarDateFixed(true)
                    .withReminders(d("2024-03-20"), d("2024-04-03"));
            assertEquals(List.of(d("2024-04-03")), engine().fees(claim, d("2024-05-01")).stream().map(Fee::chargedOn).toList());
        }

        @Test
        void f03_reminderBeforeDefaultCostsNothing() {
            // 10 Mar (before due, first), 20 Mar (creates default), 3 Apr (1.50): 1.50
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15")
                    .withReminders(d("2024-03-10"), d("2024-03-20"), d("2024-04-03"));
            assertEquals(eur("1.50"), statement(engine(), claim, List.of(), "2024-05-01").costs());
        }

        @Test
        void f04_feeScheduleAboveTheCapIsRefused() {
            var tooHigh = assertThrows(IllegalArgumentException.class, () -> FeeSchedule.of("2.51"));
            assertTrue(tooHigh.getMessage().contains("2.50"), tooHigh.getMessage());
            assertEquals(eur("2.50"), FeeSchedule.of("2.50").reminderFee());
        }

        @Test
        void f05_businessFlatFeeOnceAndSeparately() {
            // Business, 30th day 14 Apr; reminders 1 May, 15 May, 1 Jun (first free, then 1.50 each):
            // one 40.00 flat fee (from 15 Apr) + 2 × 1.50 = 43.00
            Claim claim = business("c", "1000.00", "2024-03-15", "2024-03-15")
                    .withReminders(d("2024-05-01"), d("2024-05-15"), d("2024-06-01"));
            List<Fee> fees = engine().fees(claim, d("2024-06-30"));
            List<Fee> flat = fees.stream().filter(f -> f.kind() == Fee.Kind.B2B_FLAT_FEE).toList();
            assertEquals(1, flat.size());
            assertEquals(d("2024-04-15"), flat.getFirst().chargedOn());
            assertEquals(eur("40.00"), flat.getFirst().amount());
            assertEquals(eur("43.00"), statement(engine(), claim, List.of(), "2024-06-30").costs());
        }

        @Test
        void f07_aReminderCostsItsOwnFeeElseTheSchedulesAndZeroMeansFree() {
            // Calendar default 15 Mar. 20 Mar first (free whatever it names), 3 Apr names 0.80, 17 Apr names 0.00
            // (its letter's fee is charged on another claim), 1 May names none: the schedule's 1.50. Costs 0.80 + 1.50.
            Claim claim = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withCalendarDateFixed(true)
                    .withReminders(List.of(Reminder.costing(d("2024-03-20"), eur("2.00")), Reminder.costing(d("2024-04-03"), eur("0.80")),
                            Reminder.costing(d("2024-04-17"), eur("0.00")), Reminder.at(d("2024-05-01"))));
            List<Fee> fees = engine().fees(claim, d("2024-06-30"));
            assertEquals(List.of(d("2024-04-03"), d("2024-05-01")), fees.stream().map(Fee::chargedOn).toList());
            assertEquals(List.of(eur("0.80"), eur("1.50")), fees.stream().map(Fee::amount).toList());
            assertEquals(eur("2.30"), statement(engine(), claim, List.of(), "2024-06-30").costs());
            assertEquals(List.of(), engine(FeeSchedule.none()).fees(claim.withReminders(d("2024-03-20"), d("2024-04-03")), d("2024-06-30")),
                    "no flat fee and no fee of their own: nothing");
        }

        @Test
        void f06_noFlatFeeForConsumersOrWhenWaived() {
            Claim consumer = consumer("c", "1000.00", "2024-03-01", "2024-03-15").withReminders(d("2024-03-20"));
            Claim business = business("b", "1000.00", "2024-03-01", "2024-03-15").withReminders(d("2024-03-20"));
            assertEquals(List.of(), engine().fees(consumer, d("2024-06-30")));
            assertEquals(List.of(), engine(FeeSchedule.of("1.50").withB2bFlatFee(false)).fees(business, d("2024-06-30")));
        }
    }

    @Nested
    class AcrossClaims {

        // Two consumer claims with a calendar date 31 Jan 2024, paid 1 Feb: no interest yet (it starts 1 Feb,
        // and the payment day bears none), so every amount below is principal only.
        private Claim claim(String id, String principal, String arose) {
            return consumer(id, principal, arose, "2024-01-31").withCalendarDateFixed(true);
        }

        private record Line(String claimId, io.agiledunning.common.money.Money amount, ClaimRule rule) {
        }

        private Line line(String claimId, String amount, ClaimRule rule) {
            return new Line(claimId, eur(amount), rule);
        }

        private List<Line> summary(List<AllocationLine> lines) {
            return lines.stream().map(l -> new Line(l.claimId(), l.amount(), l.claimRule())).toList();
        }

        private List<AllocationLine> allocate(List<Claim> claims, Payment payment) {
            return engine().allocate(claims, List.of(payment), payment.paidOn()).getFirst().lines();
        }

        @Test
        void a01_debtorDesignationComesFirst() {
            // Designated B although A is older: B gets all 200.00.
            List<AllocationLine> lines = allocate(List.of(claim("A", "500.00", "2024-01-01"), claim("B", "500.00", "2024-01-10")),
                    Payment.designated("p", d("2024-02-01"), eur("200.00"), "B"));
            assertEquals(List.of(line("B", "200.00", ClaimRule.DEBTOR_DESIGNATION)), summary(lines));
        }

        @Test
        void a02_dueBeforeNotDue() {
            // A due 31 Jan, B due 1 Mar; paid 1 Feb: all 100.00 to A, though B is older.
            Claim a = claim("A", "300.00", "2024-01-15");
            Claim b = consumer("B", "300.00", "2024-01-01", "2024-03-01");
            List<AllocationLine> lines = allocate(List.of(a, b), Payment.of("p", d("2024-02-01"), eur("100.00")));
            assertEquals(List.of(line("A", "100.00", ClaimRule.DUE_BEFORE_NOT_DUE)), summary(lines));
        }

        @Test
        void a03_mostBurdensomeFirst() {
            // A capped at 5%, B statutory 8.62% on 1 Feb 2024: 500.00 to B.
            Claim a = claim("A", "1000.00", "2024-01-01").withInterestClaim(InterestClaim.cappedAt("5"));
            Claim b = claim("B", "1000.00", "2024-01-10");
            List<AllocationLine> lines = allocate(List.of(a, b), Payment.of("p", d("2024-02-01"), eur("500.00")));
            assertEquals(List.of(line("B", "500.00", ClaimRule.MOST_BURDENSOME)), summary(lines));
        }

        @Test
        void a04_oldestFirstThenTheNext() {
            // Same rate and due date; A arose 10 Jan, B 20 Jan: A (older) 500.00 in full, B the other 200.00.
            Claim a = claim("A", "500.00", "2024-01-10");
            Claim b = claim("B", "500.00", "2024-01-20");
            List<AllocationLine> lines = allocate(List.of(b, a), Payment.of("p", d("2024-02-01"), eur("700.00")));
            assertEquals(List.of(line("A", "500.00", ClaimRule.OLDEST), line("B", "200.00", ClaimRule.OLDEST)), summary(lines));
        }

        @Test
        void a05_proportionalWithTheOddCent() {
            // Equal rank, owed 100.00 and 200.00, paid 100.00: 33.333.. and 66.666.. -> 33.33 and 66.67
            // (the leftover cent to the larger fraction, .666 > .333).
            Claim a = claim("A", "100.00", "2024-01-10");
            Claim b = claim("B", "200.00", "2024-01-10");
            List<AllocationLine> lines = allocate(List.of(a, b), Payment.of("p", d("2024-02-01"), eur("100.00")));
            assertEquals(List.of(line("A", "33.33", ClaimRule.PROPORTIONAL), line("B", "66.67", ClaimRule.PROPORTIONAL)),
                    summary(lines));
        }

        @Test
        void a06_designationRemainderFollowsTheStatutoryOrder() {
            // Designated B owes 100.00; of 150.00 the other 50.00 go to A, the only other open claim.
            Claim a = claim("A", "300.00", "2024-01-10");
            Claim b = claim("B", "100.00", "2024-01-20");
            List<AllocationLine> lines = allocate(List.of(a, b), Payment.designated("p", d("2024-02-01"), eur("150.00"), "B"));
            assertEquals(List.of(line("B", "100.00", ClaimRule.DEBTOR_DESIGNATION), line("A", "50.00", ClaimRule.ONLY_OPEN_CLAIM)),
                    summary(lines));
        }

        @Test
        void a07_paymentCoveringEverything() {
            // Owed 300.00 + 100.00 = 400.00; paid 450.00: both settled, 50.00 unallocated.
            PaymentAllocation a = engine().allocate(List.of(claim("A", "300.00", "2024-01-10"), claim("B", "100.00", "2024-01-20")),
                    List.of(Payment.of("p", d("2024-02-01"), eur("450.00"))), d("2024-02-01")).getFirst();
            assertEquals(eur("50.00"), a.unallocated());
            a.lines().forEach(l -> assertEquals(ClaimRule.ALL_SETTLED, l.claimRule()));
        }

        @Test
        void a08_withinOneClaimCostsInterestPrincipal() {
            // Open: costs 42.50, interest 3.39, principal 500.00; 50.00 -> 42.50, 3.39, 4.11 (50 - 42.50 - 3.39)
            PaymentAllocator.OpenClaim open = new PaymentAllocator.OpenClaim("c", eur("42.50"), eur("3.39"), eur("500.00"),
                    AllocationOrder.COSTS_INTEREST_PRINCIPAL, true, new BigDecimal("12.37"), d("2024-09-02"), d("2024-09-02"));
            PaymentAllocation a = PaymentAllocator.allocate(Payment.of("p", d("2024-10-01"), eur("50.00")), List.of(open));
            assertEquals(List.of(eur("42.50"), eur("3.39"), eur("4.11")), a.lines().stream().map(AllocationLine::amount).toList());
            a.lines().forEach(l -> assertEquals("§ 367(1) BGB", l.componentRule()));
        }
    }

    @Nested
    class LimitationPeriods {

        private final LegalEngine engine = engine();

        private Limitation limitation(Claim claim, List<Payment> payments, String asOf) {
            return statement(engine, claim, payments, asOf).limitation();
        }

        // Consumer claims without notice or reminder are never in default, so no base rate is needed before 2023.
        private Claim claim(String arose) {
            return consumer("c", "1000.00", arose, arose);
        }

        @Test
        void l01_threeYearsFromTheEndOfTheYear() {
            // Arose 15 Jun 2023 -> runs from end of 2023 -> ends 31 Dec 2026; barred from 1 Jan 2027.
            Limitation l = limitation(claim("2023-06-15"), List.of(), "2026-12-31");
            assertEquals(d("2026-12-31"), l.date());
            assertFalse(l.isTimeBarred(d("2026-12-31")));
            assertTrue(l.isTimeBarred(d("2027-01-01")));
        }

        @Test
        void l02_arisingOnNewYearsEve() {
            // 31 Dec 2024 -> end of 2024 + 3 years = 31 Dec 2027
            assertEquals(d("2027-12-31"), limitation(claim("2024-12-31"), List.of(), "2025-01-01").date());
        }

        @Test
        void l03_arisingOnNewYearsDay() {
            // 1 Jan 2025 -> end of 2025 + 3 years = 31 Dec 2028 (one day later than l02 costs a whole year)
            assertEquals(d("2028-12-31"), limitation(claim("2025-01-01"), List.of(), "2025-01-01").date());
        }

        @Test
        void l04_partPaymentRestartsFromTheDayAfter() {
            // Arose 15 Jun 2023 (ends 31 Dec 2026); part payment 10 Mar 2025 -> new period 11 Mar 2025..10 Mar 2028.
            Limitation l = limitation(claim("2023-06-15"), List.of(Payment.of("p", d("2025-03-10"), eur("10.00"))), "2025-06-01");
            assertEquals(d("2028-03-10"), l.date());
            assertEquals(Optional.of(d("2025-03-10")), l.restartedBy());
            assertTrue(l.isTimeBarred(d("2028-03-11")));
        }

        @Test
        void l05_restartOnLeapDayEndsOn28February() {
            // Arose 1 May 2021 (ends 31 Dec 2024); payment 29 Feb 2024 -> 3 years -> no 29 Feb 2027 -> 28 Feb 2027
            // (§ 188(3)); that is after 31 Dec 2024, so it applies.
            Limitation l = limitation(claim("2021-05-01"), List.of(Payment.of("p", d("2024-02-29"), eur("10.00"))), "2024-03-01");
            assertEquals(d("2027-02-28"), l.date());
        }

        @Test
        void l06_paymentAfterExpiryRestartsNothing() {
            // Arose 1 Mar 2020 -> barred from 1 Jan 2024; a payment on 15 Jan 2024 does not revive it (§ 214(2)).
            ClaimStatement s = statement(engine, claim("2020-03-01"), List.of(Payment.of("p", d("2024-01-15"), eur("10.00"))), "2024-02-01");
            assertEquals(d("2023-12-31"), s.limitation().date());
            assertTrue(s.isTimeBarred());
        }

        @Test
        void l07_earlyPaymentNeverShortensThePeriod() {
            // Arose 1 Mar 2024 -> 31 Dec 2027; payment 1 Jun 2024 would give 1 Jun 2027, earlier: keep 31 Dec 2027.
            Limitation l = limitation(claim("2024-03-01"), List.of(Payment.of("p", d("2024-06-01"), eur("10.00"))), "2024-07-01");
            assertEquals(d("2027-12-31"), l.date());
            assertEquals(Optional.empty(), l.restartedBy());
        }

        @Test
        void l08_warningWindow() {
            // Ends 31 Dec 2026: 2 Dec 2026 is 29 days before -> within 30; 1 Nov 2026 (60 days) is not.
            Limitation l = limitation(claim("2023-06-15"), List.of(), "2026-12-01");
            assertTrue(l.expiresWithin(d("2026-12-02"), 30));
            assertFalse(l.expiresWithin(d("2026-11-01"), 30));
            assertFalse(l.expiresWithin(d("2027-01-01"), 30));
        }
    }

    @Nested
    class BaseRates {

        @Test
        void t01_bundledTableMatchesDomainMd() {
            assertEquals(0, LawFixtures.RATES.percentOn(d("2024-02-29")).compareTo(new BigDecimal("3.62")));
            assertEquals(0, LawFixtures.RATES.percentOn(d("2023-06-30")).compareTo(new BigDecimal("1.62")));
            assertEquals(0, LawFixtures.RATES.percentOn(d("2025-07-01")).compareTo(new BigDecimal("1.27")));
            assertEquals(7, LawFixtures.RATES.entries().size());
            assertEquals(d("2026-06-30"), LawFixtures.RATES.lastCoveredDay());
        }

        @Test
        void t02_onlyTheNextHalfYearCanBeAdded() {
            BaseRateTable next = LawFixtures.RATES.with(d("2026-07-01"), new BigDecimal("1.50"));
            assertEquals(d("2026-12-31"), next.lastCoveredDay());
            assertEquals(d("2026-06-30"), LawFixtures.RATES.lastCoveredDay()); // immutable
            assertThrows(IllegalArgumentException.class, () -> LawFixtures.RATES.with(d("2027-01-01"), BigDecimal.ONE));
            assertThrows(IllegalArgumentException.class, () -> LawFixtures.RATES.with(d("2026-01-01"), BigDecimal.ONE));
            assertThrows(IllegalArgumentException.class, () -> LawFixtures.RATES.with(d("2026-08-01"), BigDecimal.ONE));
        }

        @Test
        void t04_interestRunningPastTheTableIsRefusedNotCarriedForward() {
            // B2B, 1000.00 due 2026-03-01, default 30 days after due and receipt: 2026-03-31. A statement as of
            // 2026-07-10 needs interest up to 2026-07-09, across 2026-07-01, whose base rate is not in the table.
            Claim claim = LawFixtures.business("c1", "1000.00", "2026-02-01", "2026-03-01").withInvoiceReceived(d("2026-02-01"));
            var missing = assertThrows(BaseRateTable.MissingBaseRateException.class,
                    () -> LawFixtures.statement(LawFixtures.engine(), claim, List.of(), "2026-07-10"));
            assertTrue(missing.getMessage().contains("2026-07-01"), missing.getMessage());
            // Up to the last covered day it works: as of 2026-07-01, interest runs to 2026-06-30.
            assertEquals(d("2026-06-30"), LawFixtures.statement(LawFixtures.engine(), claim, List.of(), "2026-07-01")
                    .interestPeriods().getLast().to());
        }

        @Test
        void t03_malformedDataIsRefusedWithTheLine() {
            var bad = assertThrows(IllegalArgumentException.class,
                    () -> BaseRateTable.parse(new java.io.StringReader("from;percent\n2023-01-01;1.62\n2023-07-01;x\n")));
            assertTrue(bad.getMessage().contains("line 3"), bad.getMessage());
            var gap = assertThrows(IllegalArgumentException.class,
                    () -> BaseRateTable.parse(new java.io.StringReader("2023-01-01;1.62\n2024-01-01;3.62\n")));
            assertTrue(gap.getMessage().contains("2023-07-01"), gap.getMessage());
        }
    }
}

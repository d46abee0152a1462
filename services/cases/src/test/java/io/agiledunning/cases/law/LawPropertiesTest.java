package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.agiledunning.cases.law.LawFixtures.d;
import static io.agiledunning.cases.law.LawFixtures.eur;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants that must hold for any claim and any payments, not just the worked cases. */
class LawPropertiesTest {

    /** Last day the bundled base-rate table covers. */
    private static final LocalDate END = d("2026-06-30");
    private static final LocalDate START = d("2023-01-01");

    // ---- allocation never creates or loses a cent ----------------------------------------------------------------

    @Property(tries = 300)
    void allocationNeitherCreatesNorLosesACent(@ForAll("openClaims") List<PaymentAllocator.OpenClaim> claims,
                                               @ForAll @IntRange(min = 1, max = 500_000) int paymentCents,
                                               @ForAll("designations") List<String> designation) {
        Payment payment = new Payment("p", d("2024-06-01"), Money.ofMinor(paymentCents, "EUR"), designation);
        PaymentAllocation allocation = PaymentAllocator.allocate(payment, claims);

        long allocated = allocation.lines().stream().mapToLong(l -> l.amount().minorUnits()).sum();
        assertEquals(paymentCents, allocated + allocation.unallocated().minorUnits());
        assertFalse(allocation.unallocated().isNegative());

        Map<String, PaymentAllocator.OpenClaim> byId = new HashMap<>();
        claims.forEach(c -> byId.put(c.claimId(), c));
        Map<String, Long> perComponent = new HashMap<>();
        for (AllocationLine line : allocation.lines()) {
            assertTrue(line.amount().minorUnits() > 0, "no empty lines");
            perComponent.merge(line.claimId() + "/" + line.component(), line.amount().minorUnits(), Long::sum);
        }
        for (PaymentAllocator.OpenClaim claim : claims) {
            for (Component component : Component.values()) {
                long owed = switch (component) {
                    case COSTS -> claim.costs().minorUnits();
                    case INTEREST -> claim.interest().minorUnits();
                    case PRINCIPAL -> claim.principal().minorUnits();
                };
                assertTrue(perComponent.getOrDefault(claim.claimId() + "/" + component, 0L) <= owed, "never more than owed");
            }
        }
        long owedTotal = claims.stream().mapToLong(c -> c.total().minorUnits()).sum();
        if (!allocation.unallocated().isZero()) {
            assertEquals(owedTotal, allocated, "money is left over only when everything is paid");
        }
    }

    @Provide
    Arbitrary<List<PaymentAllocator.OpenClaim>> openClaims() {
        Arbitrary<Integer> cents = Arbitraries.integers().between(0, 200_000);
        Arbitrary<PaymentAllocator.OpenClaim> claim = Combinators.combine(
                        Arbitraries.of("A", "B", "C", "D", "E"), cents, cents.map(c -> c / 20), cents,
                        Arbitraries.of(AllocationOrder.values()), Arbitraries.of(true, false),
                        Arbitraries.of("0", "6.27", "8.62", "12.62"), Arbitraries.of("2024-01-01", "2024-02-01", "2024-03-01"))
                .as((id, costs, interest, principal, order, due, rate, arose) -> new PaymentAllocator.OpenClaim(id,
                        Money.ofMinor(costs / 50, "EUR"), Money.ofMinor(interest, "EUR"), Money.ofMinor(principal, "EUR"),
                        order, due, new BigDecimal(rate), d(arose), d(arose).plusDays(14)));
        return claim.list().ofMinSize(1).ofMaxSize(5).uniqueElements(PaymentAllocator.OpenClaim::claimId);
    }

    @Provide
    Arbitrary<List<String>> designations() {
        return Arbitraries.of("A", "B", "C", "X").list().ofMaxSize(2).uniqueElements();
    }

    // ---- statements agree with allocations ----------------------------------------------------------------------

    record Scenario(List<Claim> claims, List<Payment> payments, LocalDate asOf) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Claim> claim = Combinators.combine(
                        Arbitraries.integers().between(0, 900),          // arose, days after START
                        Arbitraries.integers().between(0, 60),           // due, days after arose
                        Arbitraries.integers().between(100, 1_000_000),  // principal in cents
                        Arbitraries.of(DebtorKind.values()),
                        Arbitraries.of(0, 1, 2),                         // 0 = calendar date, 1 = reminder, 2 = thirty days
                        Arbitraries.integers().between(1, 40),           // reminder days after due
                        Arbitraries.of(AllocationOrder.values()))
                .as((arose, due, cents, kind, path, reminder, order) -> {
                    LocalDate aroseOn = START.plusDays(arose);
                    LocalDate dueOn = aroseOn.plusDays(due);
                    Claim c = Claim.of("c" + arose + "-" + cents, Money.ofMinor(cents, "EUR"), aroseOn, dueOn, kind)
                            .withAllocationOrder(order).withConsumerNotice(true);
                    return switch (path) {
                        case 0 -> c.withCalendarDateFixed(true).withReminders(dueOn.plusDays(reminder), dueOn.plusDays(reminder + 14));
                        case 1 -> c.withReminders(dueOn.plusDays(reminder), dueOn.plusDays(reminder + 14));
                        default -> c;
                    };
                });
        Arbitrary<Payment> payment = Combinators.combine(
                        Arbitraries.integers().between(0, 1200), Arbitraries.integers().between(1, 400_000),
                        Arbitraries.strings().alpha().ofLength(6))
                .as((day, cents, id) -> Payment.of(id, START.plusDays(day), Money.ofMinor(cents, "EUR")));
        return Combinators.combine(claim.list().ofMinSize(1).ofMaxSize(3).uniqueElements(Claim::id),
                        payment.list().ofMaxSize(5).uniqueElements(Payment::id),
                        Arbitraries.integers().between(0, (int) (END.toEpochDay() - START.toEpochDay())))
                .as((claims, payments, asOf) -> new Scenario(claims, payments, START.plusDays(asOf)));
    }

    @Property(tries = 150)
    void balanceAfterPaymentsEqualsStatementBalance(@ForAll("scenarios") Scenario s) {
        DebtorStatement statement = LawFixtures.engine(FeeSchedule.of("2.50")).debtorStatement(s.claims(), s.payments(), s.asOf());
        long paidIn = s.payments().stream().filter(p -> !p.paidOn().isAfter(s.asOf())).mapToLong(p -> p.amount().minorUnits()).sum();
        long allocated = 0;
        long unallocated = statement.allocations().stream().mapToLong(a -> a.unallocated().minorUnits()).sum();
        for (ClaimStatement c : statement.claims()) {
            long paid = c.allocations().stream().mapToLong(l -> l.amount().minorUnits()).sum();
            allocated += paid;
            long owed = c.costs().minorUnits() + c.interest().minorUnits() + c.principal().minorUnits();
            assertEquals(owed - paid, c.balance().minorUnits(), "balance = charged - paid");
            assertFalse(c.outstandingCosts().isNegative() || c.outstandingInterest().isNegative()
                    || c.outstandingPrincipal().isNegative(), "nothing overpaid per component");
        }
        assertEquals(paidIn, allocated + unallocated, "every cent paid in is allocated or left over");
    }

    @Property(tries = 100)
    void payingTheStatementBalanceSettlesEveryClaim(@ForAll("scenarios") Scenario s) {
        LegalEngine engine = LawFixtures.engine(FeeSchedule.of("2.50"));
        DebtorStatement before = engine.debtorStatement(s.claims(), s.payments(), s.asOf());
        long balance = before.claims().stream().mapToLong(c -> c.balance().minorUnits()).sum();
        if (balance == 0) {
            return;
        }
        List<Payment> payments = new ArrayList<>(s.payments());
        payments.add(Payment.of("~settle", s.asOf(), Money.ofMinor(balance, "EUR"))); // "~" sorts after letters: paid last
        DebtorStatement after = engine.debtorStatement(s.claims(), payments, s.asOf());
        after.claims().forEach(c -> assertTrue(c.balance().isZero(), () -> c.claimId() + " still owes " + c.balance()));
        assertTrue(after.allocations().getLast().unallocated().isZero());
    }

    // ---- interest: monotone, simple, on principal only -----------------------------------------------------------

    @Property(tries = 150)
    void interestIsMonotoneInTime(@ForAll("scenarios") Scenario s, @ForAll @IntRange(min = 0, max = 400) int laterBy) {
        LocalDate later = s.asOf().plusDays(laterBy).isAfter(END) ? END : s.asOf().plusDays(laterBy);
        LegalEngine engine = LawFixtures.engine();
        List<ClaimStatement> early = engine.debtorStatement(s.claims(), s.payments(), s.asOf()).claims();
        List<ClaimStatement> late = engine.debtorStatement(s.claims(), s.payments(), later).claims();
        for (int i = 0; i < early.size(); i++) {
            assertTrue(early.get(i).interest().compareTo(late.get(i).interest()) <= 0,
                    () -> "interest went down between " + s.asOf() + " and " + later);
        }
    }

    @Property(tries = 150)
    void interestNeverCompounds(@ForAll("scenarios") Scenario s) {
        LegalEngine withFees = LawFixtures.engine(FeeSchedule.of("2.50"));
        LegalEngine withoutFees = LawFixtures.engine(FeeSchedule.none());
        for (Claim claim : s.claims()) {
            ClaimStatement c = withFees.debtorStatement(List.of(claim), s.payments(), s.asOf()).claims().getFirst();
            // Each period bears interest on the principal still open then: the original minus principal paid before.
            for (InterestPeriod period : c.interestPeriods()) {
                long paidBefore = c.allocations().stream()
                        .filter(l -> l.component() == Component.PRINCIPAL && !l.paidOn().isAfter(period.from()))
                        .mapToLong(l -> l.amount().minorUnits()).sum();
                assertEquals(claim.principal().minorUnits() - paidBefore, period.principal().minorUnits());
                BigDecimal simple = period.principal().amount().multiply(period.ratePercent())
                        .multiply(BigDecimal.valueOf(period.days()))
                        .divide(BigDecimal.valueOf(100L * period.yearDays()), 10, java.math.RoundingMode.HALF_UP);
                assertEquals(0, simple.compareTo(period.exact()));
            }
            // Fees never bear interest: without payments, interest is the same with and without fees.
            ClaimStatement bare = withoutFees.debtorStatement(List.of(claim), List.of(), s.asOf()).claims().getFirst();
            ClaimStatement fees = withFees.debtorStatement(List.of(claim), List.of(), s.asOf()).claims().getFirst();
            assertEquals(bare.interest(), fees.interest());
            // Interest on interest would grow beyond simple interest at the highest rate over the whole time.
            long days = Math.max(0, s.asOf().toEpochDay() - claim.dueDate().toEpochDay());
            BigDecimal ceiling = claim.principal().amount().multiply(new BigDecimal("0.1262"))
                    .multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(365), 2, java.math.RoundingMode.UP)
                    .add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(fees.interestPeriods().size())));
            assertTrue(fees.interest().amount().compareTo(ceiling) <= 0, () -> fees.interest() + " > " + ceiling);
        }
    }

    @Property(tries = 50)
    void conventionsOnlyShiftInterestNotPrincipal(@ForAll("scenarios") Scenario s) {
        // Whatever the conventions, principal owed plus principal paid is the principal.
        for (Conventions conventions : List.of(Conventions.defaults(),
                Conventions.defaults().withDayCount(Conventions.DayCount.ACT_ACT).withRounding(Conventions.Rounding.ONCE)
                        .withPaymentDayBearsInterest(true).withFirstInterestDay(Conventions.FirstInterestDay.DAY_OF_DEFAULT))) {
            for (ClaimStatement c : LawFixtures.engine(conventions).debtorStatement(s.claims(), s.payments(), s.asOf()).claims()) {
                assertEquals(c.principal(), c.outstandingPrincipal().plus(c.paidPrincipal()));
                assertTrue(c.balance().compareTo(eur("0.00")) >= 0);
            }
        }
    }
}

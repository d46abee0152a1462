package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * The legal state of claims under German law: default (§ 286), default interest (§§ 288, 247), fees, payment
 * allocation (§§ 366, 367) and limitation (§§ 195, 199, 212, 217 BGB). Pure and stateless: every method takes the
 * day it is asked about, so results are reproducible and no clock is read.
 */
public final class LegalEngine {

    /** Surcharges over the base rate, in percentage points (§ 288(1) and (2) BGB). */
    static final BigDecimal CONSUMER_SURCHARGE = new BigDecimal("5");
    static final BigDecimal BUSINESS_SURCHARGE = new BigDecimal("9");
    private static final int EXACT_SCALE = 10;

    private final BaseRateTable baseRates;
    private final Conventions conventions;
    private final FeeSchedule fees;

    public LegalEngine(BaseRateTable baseRates, Conventions conventions, FeeSchedule fees) {
        this.baseRates = Objects.requireNonNull(baseRates, "baseRates");
        this.conventions = Objects.requireNonNull(conventions, "conventions");
        this.fees = Objects.requireNonNull(fees, "fees");
    }

    public BaseRateTable baseRates() {
        return baseRates;
    }

    public Conventions conventions() {
        return conventions;
    }

    // ---- default (§ 286) ----------------------------------------------------------------------------------------

    /**
     * When and why default began, considering only facts up to {@code asOf}; empty if the debtor is not (yet) in
     * default. The earliest event wins; a reminder and the 30th day on the same day: the reminder created it.
     */
    public Optional<DefaultStart> defaultStart(Claim claim, LocalDate asOf) {
        DefaultStart best = null;
        if (claim.calendarDateFixed() && !claim.dueDate().isAfter(asOf)) {
            best = new DefaultStart(claim.dueDate(), DefaultReason.CALENDAR_DATE, OptionalInt.empty());
        }
        List<LocalDate> reminders = claim.reminderDays();
        for (int i = 0; i < reminders.size(); i++) {
            LocalDate sent = reminders.get(i);
            // § 286(1): only a reminder after the claim fell due counts; one sent on or before the due date does not.
            if (sent.isAfter(claim.dueDate()) && !sent.isAfter(asOf)) {
                if (best == null || sent.isBefore(best.began())) {
                    best = new DefaultStart(sent, DefaultReason.REMINDER_AFTER_DUE, OptionalInt.of(i));
                }
                break;
            }
        }
        boolean thirtyDaysApply = claim.debtor() == DebtorKind.BUSINESS || claim.consumerNoticeOnInvoice();
        if (thirtyDaysApply && claim.invoiceReceived().isPresent()) {
            LocalDate received = claim.invoiceReceived().get();
            LocalDate later = received.isAfter(claim.dueDate()) ? received : claim.dueDate();
            // §§ 187(1), 188(1): the 30 days start the day after; default begins at the end of the 30th day.
            LocalDate thirtieth = later.plusDays(30);
            if (!thirtieth.isAfter(asOf) && (best == null || thirtieth.isBefore(best.began()))) {
                best = new DefaultStart(thirtieth, DefaultReason.THIRTY_DAYS_AFTER_DUE_AND_RECEIPT, OptionalInt.empty());
            }
        }
        return Optional.ofNullable(best);
    }

    // ---- interest (§§ 288, 247) ---------------------------------------------------------------------------------

    /** The rate claimed on {@code day}: base rate + 5 pp (consumer) or + 9 pp (business), lowered to the tenant's cap. */
    public BigDecimal interestRate(Claim claim, LocalDate day) {
        BigDecimal surcharge = claim.debtor() == DebtorKind.CONSUMER ? CONSUMER_SURCHARGE : BUSINESS_SURCHARGE;
        return claim.interestClaim().apply(baseRates.percentOn(day).add(surcharge));
    }

    /** The last day bearing interest when the claim is settled by a payment on {@code payDay}. */
    public LocalDate lastInterestDay(LocalDate payDay) {
        return conventions.paymentDayBearsInterest() ? payDay : payDay.minusDays(1);
    }

    /**
     * Interest periods through {@code lastDay} (inclusive) on the principal left after {@code lines}. Periods are cut
     * where the base-rate half-year changes, where principal is paid, and (ACT/ACT) at 1 January.
     */
    public List<InterestPeriod> interestPeriods(Claim claim, List<AllocationLine> lines, LocalDate lastDay) {
        Optional<DefaultStart> start = defaultStart(claim, lastDay);
        if (start.isEmpty()) {
            return List.of();
        }
        LocalDate first = conventions.firstInterestDay() == Conventions.FirstInterestDay.DAY_AFTER_DEFAULT
                ? start.get().began().plusDays(1)
                : start.get().began();
        if (first.isAfter(lastDay)) {
            return List.of();
        }
        Map<LocalDate, Money> reductions = new HashMap<>();
        TreeSet<LocalDate> cuts = new TreeSet<>();
        cuts.add(first);
        for (AllocationLine line : lines) {
            if (line.component() == Component.PRINCIPAL) {
                // The principal paid stops bearing interest on the payment day, or the day after if that day bears it.
                LocalDate effective = conventions.paymentDayBearsInterest() ? line.paidOn().plusDays(1) : line.paidOn();
                reductions.merge(effective, line.amount(), Money::plus);
                if (effective.isAfter(first) && !effective.isAfter(lastDay)) {
                    cuts.add(effective);
                }
            }
        }
        cuts.addAll(baseRates.changesBetween(first, lastDay));
        // The half-year after the table ends gets its own period, whose rate lookup refuses: an old base
        // rate is never carried forward into a half-year whose rate is not yet known.
        LocalDate uncovered = baseRates.lastCoveredDay().plusDays(1);
        if (uncovered.isAfter(first) && !uncovered.isAfter(lastDay)) {
            cuts.add(uncovered);
        }
        if (conventions.dayCount() == Conventions.DayCount.ACT_ACT) {
            for (int year = first.getYear() + 1; year <= lastDay.getYear(); year++) {
                cuts.add(LocalDate.of(year, 1, 1));
            }
        }

        List<InterestPeriod> periods = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>(cuts);
        for (int i = 0; i < starts.size(); i++) {
            LocalDate from = starts.get(i);
            LocalDate to = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : lastDay;
            Money principal = claim.principal();
            for (Map.Entry<LocalDate, Money> reduction : reductions.entrySet()) {
                if (!reduction.getKey().isAfter(from)) {
                    principal = principal.minus(reduction.getValue());
                }
            }
            BigDecimal rate = interestRate(claim, from);
            if (principal.isZero() || rate.signum() == 0) {
                continue;
            }
            long days = ChronoUnit.DAYS.between(from, to) + 1;
            int yearDays = conventions.dayCount() == Conventions.DayCount.ACT_365 ? 365 : from.lengthOfYear();
            BigDecimal exact = principal.amount().multiply(rate).multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(100L * yearDays), EXACT_SCALE, RoundingMode.HALF_UP);
            Money amount = new Money(exact.setScale(principal.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP),
                    principal.currency());
            periods.add(new InterestPeriod(from, to, days, rate, principal, yearDays, exact, amount));
        }
        return periods;
    }

    /** Total interest of the periods under the rounding convention. */
    public Money interestTotal(List<InterestPeriod> periods, Money zero) {
        if (conventions.rounding() == Conventions.Rounding.PER_PERIOD) {
            Money total = zero;
            for (InterestPeriod period : periods) {
                total = total.plus(period.amount());
            }
            return total;
        }
        BigDecimal exact = BigDecimal.ZERO;
        for (InterestPeriod period : periods) {
            exact = exact.add(period.exact());
        }
        return new Money(exact.setScale(zero.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP), zero.currency());
    }

    // ---- fees ---------------------------------------------------------------------------------------------------

    /**
     * Costs charged up to {@code asOf}. A reminder's fee (its own amount, else the schedule's flat fee) only for a
     * reminder that is not the first, not the default-creating one, and sent while the debtor was already in default; the § 288(5) flat fee once, for
     * business debtors, from the first day in default.
     */
    public List<Fee> fees(Claim claim, LocalDate asOf) {
        Optional<DefaultStart> start = defaultStart(claim, asOf);
        List<Fee> result = new ArrayList<>();
        if (start.isEmpty()) {
            return result;
        }
        DefaultStart ds = start.get();
        if (claim.debtor() == DebtorKind.BUSINESS && fees.chargeB2bFlatFee() && ds.inDefaultOn(asOf)) {
            result.add(new Fee(Fee.Kind.B2B_FLAT_FEE, ds.began().plusDays(1), FeeSchedule.B2B_FLAT_FEE, "§ 288(5) BGB"));
        }
        List<Reminder> reminders = claim.reminders();
        for (int i = 1; i < reminders.size(); i++) {
            Reminder reminder = reminders.get(i);
            Money amount = reminder.fee().orElse(fees.reminderFee());
            boolean creating = ds.creatingReminder().isPresent() && ds.creatingReminder().getAsInt() == i;
            if (!amount.isZero() && !reminder.sentOn().isAfter(asOf) && !creating && ds.inDefaultOn(reminder.sentOn())) {
                result.add(new Fee(Fee.Kind.REMINDER_FEE, reminder.sentOn(), amount,
                        "reminder %d, sent in default (§§ 280, 286 BGB)".formatted(i + 1)));
            }
        }
        result.sort(Comparator.comparing(Fee::chargedOn));
        return result;
    }

    // ---- allocation (§§ 366, 367) -------------------------------------------------------------------------------

    /**
     * Allocates the payments up to {@code asOf}, in date order (then by id), across one debtor's claims. The caller
     * passes the debtor's claims; allocations are recomputed from the payment history, so they are reproducible.
     */
    public List<PaymentAllocation> allocate(List<Claim> claims, List<Payment> payments, LocalDate asOf) {
        List<Payment> ordered = payments.stream()
                .filter(p -> !p.paidOn().isAfter(asOf))
                .sorted(Comparator.comparing(Payment::paidOn).thenComparing(Payment::id))
                .toList();
        Map<String, List<AllocationLine>> byClaim = new HashMap<>();
        List<PaymentAllocation> result = new ArrayList<>();
        for (Payment payment : ordered) {
            List<PaymentAllocator.OpenClaim> open = new ArrayList<>();
            // Every claim given counts, even one arising after the payment: it then ranks as not due (a prepayment),
            // which keeps allocation and statements consistent for any input.
            for (Claim claim : claims) {
                open.add(openClaim(claim, byClaim.getOrDefault(claim.id(), List.of()), payment.paidOn()));
            }
            PaymentAllocation allocation = PaymentAllocator.allocate(payment, open);
            for (AllocationLine line : allocation.lines()) {
                byClaim.computeIfAbsent(line.claimId(), id -> new ArrayList<>()).add(line);
            }
            result.add(allocation);
        }
        return result;
    }

    private PaymentAllocator.OpenClaim openClaim(Claim claim, List<AllocationLine> lines, LocalDate payDay) {
        Position position = position(claim, lines, payDay);
        Optional<DefaultStart> start = defaultStart(claim, payDay);
        BigDecimal rate = start.isPresent() && start.get().inDefaultOn(payDay) ? interestRate(claim, payDay) : BigDecimal.ZERO;
        return new PaymentAllocator.OpenClaim(claim.id(), position.costs.minus(position.paidCosts),
                position.interest.minus(position.paidInterest), claim.principal().minus(position.paidPrincipal),
                claim.allocationOrder(), !claim.dueDate().isAfter(payDay), rate, claim.arose(), claim.dueDate());
    }

    // ---- limitation (§§ 195, 199, 212, 217) ----------------------------------------------------------------------

    /**
     * Three years from the end of the year the claim arose (§§ 195, 199(1)); each payment on the claim before it is
     * barred is an acknowledgment (§ 212(1) no. 1) and starts the full three years again from the day after it.
     * A restart never shortens the period (a payment before the period even began does not bring its end forward).
     */
    public Limitation limitation(Claim claim, List<AllocationLine> lines, LocalDate asOf) {
        LocalDate date = LocalDate.of(claim.arose().getYear() + 3, 12, 31);
        Optional<LocalDate> restartedBy = Optional.empty();
        List<LocalDate> payDays = lines.stream()
                .filter(l -> l.claimId().equals(claim.id()) && !l.paidOn().isAfter(asOf))
                .map(AllocationLine::paidOn).distinct().sorted().toList();
        for (LocalDate paid : payDays) {
            LocalDate restarted = paid.plusYears(3); // §§ 187(1), 188(2), (3): ends with the same calendar day
            if (!paid.isAfter(date) && restarted.isAfter(date)) {
                date = restarted;
                restartedBy = Optional.of(paid);
            }
        }
        return new Limitation(date, restartedBy);
    }

    // ---- statement ----------------------------------------------------------------------------------------------

    /** The statement of one claim as of {@code asOf}, given the allocation lines of its payments. */
    public ClaimStatement statement(Claim claim, List<AllocationLine> allLines, LocalDate asOf) {
        List<AllocationLine> lines = allLines.stream()
                .filter(l -> l.claimId().equals(claim.id()) && !l.paidOn().isAfter(asOf)).toList();
        LocalDate lastInterestDay = lastInterestDay(asOf);
        List<InterestPeriod> periods = interestPeriods(claim, lines, lastInterestDay);
        Position position = position(claim, lines, asOf);
        List<Fee> charged = fees(claim, asOf);
        Money outstandingCosts = position.costs.minus(position.paidCosts);
        Money outstandingInterest = position.interest.minus(position.paidInterest);
        Money outstandingPrincipal = claim.principal().minus(position.paidPrincipal);
        return new ClaimStatement(claim.id(), asOf, defaultStart(claim, asOf), claim.principal(), lastInterestDay,
                periods, position.interest, charged, position.costs, lines,
                position.paidCosts, position.paidInterest, position.paidPrincipal,
                outstandingCosts, outstandingInterest, outstandingPrincipal,
                outstandingCosts.plus(outstandingInterest).plus(outstandingPrincipal),
                limitation(claim, lines, asOf));
    }

    /** Allocates all payments up to {@code asOf} and states every claim of the debtor. */
    public DebtorStatement debtorStatement(List<Claim> claims, List<Payment> payments, LocalDate asOf) {
        List<PaymentAllocation> allocations = allocate(claims, payments, asOf);
        List<AllocationLine> lines = allocations.stream().flatMap(a -> a.lines().stream()).toList();
        List<ClaimStatement> statements = claims.stream().map(c -> statement(c, lines, asOf)).toList();
        return new DebtorStatement(asOf, allocations, statements);
    }

    /** What is charged and paid on a claim for a settlement on {@code day} (interest through the last interest day). */
    private Position position(Claim claim, List<AllocationLine> lines, LocalDate day) {
        Money zero = claim.principal().minus(claim.principal());
        Money costs = zero;
        for (Fee fee : fees(claim, day)) {
            costs = costs.plus(fee.amount());
        }
        Money interest = interestTotal(interestPeriods(claim, lines, lastInterestDay(day)), zero);
        Money paidCosts = zero;
        Money paidInterest = zero;
        Money paidPrincipal = zero;
        for (AllocationLine line : lines) {
            switch (line.component()) {
                case COSTS -> paidCosts = paidCosts.plus(line.amount());
                case INTEREST -> paidInterest = paidInterest.plus(line.amount());
                case PRINCIPAL -> paidPrincipal = paidPrincipal.plus(line.amount());
            }
        }
        return new Position(costs, interest, paidCosts, paidInterest, paidPrincipal);
    }

    private record Position(Money costs, Money interest, Money paidCosts, Money paidInterest, Money paidPrincipal) {
    }
}

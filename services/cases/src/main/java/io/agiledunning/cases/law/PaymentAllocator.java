package io.agiledunning.cases.law;

import io.agiledunning.common.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Allocates one payment across a debtor's open claims (§ 366 BGB) and within each claim (§ 367 / § 497(3) BGB).
 * A pure function of its inputs: the engine supplies what is open on the payment day.
 *
 * <p>Order without a designation: due before not due, then the more burdensome (higher interest rate), then the
 * older (earlier arisen, then earlier due), then in proportion to what is owed. § 366(2) puts "less security" before
 * "more burdensome"; we hold no security data, so that step is skipped (see docs/domain.md).
 */
public final class PaymentAllocator {

    /** What one claim owes on the payment day, and what ranks it. */
    public record OpenClaim(String claimId, Money costs, Money interest, Money principal, AllocationOrder order,
                            boolean due, BigDecimal ratePercent, LocalDate arose, LocalDate dueDate) {
        public OpenClaim {
            Objects.requireNonNull(claimId, "claimId");
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(ratePercent, "ratePercent");
            Objects.requireNonNull(arose, "arose");
            Objects.requireNonNull(dueDate, "dueDate");
            if (costs.isNegative() || interest.isNegative() || principal.isNegative()) {
                throw new IllegalArgumentException("open amounts must not be negative: " + claimId);
            }
        }

        public Money total() {
            return costs.plus(interest).plus(principal);
        }

        Money of(Component component) {
            return switch (component) {
                case COSTS -> costs;
                case INTEREST -> interest;
                case PRINCIPAL -> principal;
            };
        }
    }

    private static final Comparator<OpenClaim> STATUTORY_ORDER = Comparator
            .comparing((OpenClaim c) -> !c.due())
            .thenComparing(OpenClaim::ratePercent, Comparator.reverseOrder())
            .thenComparing(OpenClaim::arose)
            .thenComparing(OpenClaim::dueDate);

    private PaymentAllocator() {
    }

    public static PaymentAllocation allocate(Payment payment, List<OpenClaim> claims) {
        Money remaining = payment.amount();
        List<AllocationLine> lines = new ArrayList<>();
        Map<String, OpenClaim> open = new LinkedHashMap<>();
        for (OpenClaim claim : claims) {
            if (!claim.total().isZero()) {
                open.put(claim.claimId(), claim);
            }
        }

        for (String id : payment.designation()) {
            OpenClaim claim = open.remove(id);
            if (claim != null && !remaining.isZero()) {
                Money share = min(remaining, claim.total());
                remaining = remaining.minus(withinClaim(payment, claim, share, ClaimRule.DEBTOR_DESIGNATION, lines));
            }
        }
        if (remaining.isZero() || open.isEmpty()) {
            return new PaymentAllocation(payment, lines, remaining);
        }

        List<OpenClaim> rest = new ArrayList<>(open.values());
        Money restTotal = sum(rest, remaining);
        if (remaining.compareTo(restTotal) >= 0) {
            ClaimRule rule = rest.size() == 1 ? ClaimRule.ONLY_OPEN_CLAIM : ClaimRule.ALL_SETTLED;
            for (OpenClaim claim : rest) {
                remaining = remaining.minus(withinClaim(payment, claim, claim.total(), rule, lines));
            }
            return new PaymentAllocation(payment, lines, remaining);
        }

        List<List<OpenClaim>> groups = rankedGroups(rest);
        for (int g = 0; g < groups.size() && !remaining.isZero(); g++) {
            List<OpenClaim> group = groups.get(g);
            Money groupTotal = sum(group, remaining);
            if (remaining.compareTo(groupTotal) >= 0) {
                ClaimRule rule = decidingRule(groups, g);
                for (OpenClaim claim : group) {
                    remaining = remaining.minus(withinClaim(payment, claim, claim.total(), rule, lines));
                }
            } else {
                ClaimRule rule = group.size() > 1 ? ClaimRule.PROPORTIONAL : decidingRule(groups, g);
                List<Money> shares = proportionalShares(remaining, group, groupTotal);
                for (int i = 0; i < group.size(); i++) {
                    remaining = remaining.minus(withinClaim(payment, group.get(i), shares.get(i), rule, lines));
                }
            }
        }
        return new PaymentAllocation(payment, lines, remaining);
    }

    /** Claims ranked by the statutory order; claims that tie on every criterion form one group. */
    private static List<List<OpenClaim>> rankedGroups(List<OpenClaim> claims) {
        List<OpenClaim> sorted = new ArrayList<>(claims);
        sorted.sort(STATUTORY_ORDER.thenComparing(OpenClaim::claimId));
        List<List<OpenClaim>> groups = new ArrayList<>();
        for (OpenClaim claim : sorted) {
            if (!groups.isEmpty() && STATUTORY_ORDER.compare(groups.getLast().getFirst(), claim) == 0) {
                groups.getLast().add(claim);
            } else {
                groups.add(new ArrayList<>(List.of(claim)));
            }
        }
        return groups;
    }

    /** The first criterion that separates this group from its neighbour (the next one, or else the previous one). */
    private static ClaimRule decidingRule(List<List<OpenClaim>> groups, int g) {
        if (groups.size() == 1) {
            return groups.getFirst().size() == 1 ? ClaimRule.ONLY_OPEN_CLAIM : ClaimRule.PROPORTIONAL;
        }
        OpenClaim a = groups.get(g).getFirst();
        OpenClaim b = groups.get(g + 1 < groups.size() ? g + 1 : g - 1).getFirst();
        if (a.due() != b.due()) {
            return ClaimRule.DUE_BEFORE_NOT_DUE;
        }
        if (a.ratePercent().compareTo(b.ratePercent()) != 0) {
            return ClaimRule.MOST_BURDENSOME;
        }
        return ClaimRule.OLDEST;
    }

    /** Largest-remainder split in whole cents, so the shares add up to {@code amount} exactly. */
    private static List<Money> proportionalShares(Money amount, List<OpenClaim> group, Money groupTotal) {
        int digits = amount.currency().getDefaultFractionDigits();
        long payMinor = amount.minorUnits();
        long totalMinor = groupTotal.minorUnits();
        long[] shares = new long[group.size()];
        BigDecimal[] fractions = new BigDecimal[group.size()];
        long given = 0;
        for (int i = 0; i < group.size(); i++) {
            BigDecimal exact = BigDecimal.valueOf(payMinor).multiply(BigDecimal.valueOf(group.get(i).total().minorUnits()))
                    .divide(BigDecimal.valueOf(totalMinor), 12, RoundingMode.DOWN);
            shares[i] = exact.setScale(0, RoundingMode.DOWN).longValueExact();
            fractions[i] = exact.subtract(BigDecimal.valueOf(shares[i]));
            given += shares[i];
        }
        for (long left = payMinor - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < group.size(); i++) {
                if (shares[i] < group.get(i).total().minorUnits() && (best < 0 || fractions[i].compareTo(fractions[best]) > 0)) {
                    best = i;
                }
            }
            shares[best]++;
            fractions[best] = BigDecimal.ONE.negate();
        }
        List<Money> result = new ArrayList<>();
        for (long share : shares) {
            result.add(new Money(BigDecimal.valueOf(share, digits), amount.currency()));
        }
        return result;
    }

    /** Settles the claim's components in its order; returns what was used (never more than {@code amount}). */
    private static Money withinClaim(Payment payment, OpenClaim claim, Money amount, ClaimRule rule,
                                     List<AllocationLine> lines) {
        Money left = amount;
        for (Component component : claim.order().components()) {
            Money part = min(left, claim.of(component));
            if (!part.isZero()) {
                lines.add(new AllocationLine(payment.id(), payment.paidOn(), claim.claimId(), component, part, rule,
                        claim.order().source()));
                left = left.minus(part);
            }
        }
        return amount.minus(left);
    }

    private static Money sum(List<OpenClaim> claims, Money zeroLike) {
        Money total = zeroLike.minus(zeroLike);
        for (OpenClaim claim : claims) {
            total = total.plus(claim.total());
        }
        return total;
    }

    private static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

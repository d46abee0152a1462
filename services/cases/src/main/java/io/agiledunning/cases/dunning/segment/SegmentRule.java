package io.agiledunning.cases.dunning.segment;

import io.agiledunning.cases.law.DebtorKind;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * Conditions a case must all meet (absent ones match anything): the debtor's kind (creditor type B2C/B2B),
 * the outstanding amount, days past due, the debtor's state and free attributes (industry, product, persona)
 * matched exactly.
 */
public record SegmentRule(DebtorKind debtorKind, BigDecimal minAmount, BigDecimal maxAmount, Integer minDaysPastDue,
                          Integer maxDaysPastDue, Set<String> germanStates, Map<String, String> attributes) {

    public SegmentRule {
        germanStates = germanStates == null ? Set.of() : Set.copyOf(germanStates);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static SegmentRule any() {
        return new SegmentRule(null, null, null, null, null, Set.of(), Map.of());
    }

    public boolean matches(SegmentFacts facts) {
        return (debtorKind == null || debtorKind == facts.debtorKind())
                && (minAmount == null || facts.outstanding().amount().compareTo(minAmount) >= 0)
                && (maxAmount == null || facts.outstanding().amount().compareTo(maxAmount) < 0)
                && (minDaysPastDue == null || facts.daysPastDue() >= minDaysPastDue)
                && (maxDaysPastDue == null || facts.daysPastDue() < maxDaysPastDue)
                && (germanStates.isEmpty() || facts.germanState() != null && germanStates.contains(facts.germanState().name()))
                && attributes.entrySet().stream().allMatch(e -> e.getValue().equals(facts.attributes().get(e.getKey())));
    }
}

package io.agiledunning.cases.dunning.segment;

import io.agiledunning.cases.dunning.guardrails.GermanState;
import io.agiledunning.cases.law.DebtorKind;
import io.agiledunning.common.money.Money;

import java.util.Map;
import java.util.UUID;

/** What segment rules look at, taken when a case enters dunning. */
public record SegmentFacts(UUID caseId, DebtorKind debtorKind, Money outstanding, long daysPastDue, GermanState germanState,
                          Map<String, String> attributes) {

    public SegmentFacts {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}

package io.agiledunning.cases.placement;

import io.agiledunning.cases.Case;
import io.agiledunning.cases.Claim;
import io.agiledunning.cases.Debtor;

public record PlacementResult(PlacementOutcome outcome, Debtor debtor, Case placedCase, Claim claim) {
}

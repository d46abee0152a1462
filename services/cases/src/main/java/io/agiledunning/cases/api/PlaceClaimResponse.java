package io.agiledunning.cases.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.agiledunning.cases.placement.PlacementResult;

/** The answer to {@code POST /api/claims}: what the placement did, the claim's case and the claim. */
public record PlaceClaimResponse(String outcome, @JsonProperty("case") CaseView placedCase, ClaimView claim) {

    static PlaceClaimResponse of(PlacementResult result) {
        return new PlaceClaimResponse(result.outcome().name(), CaseView.of(result.placedCase()), ClaimView.of(result.claim()));
    }
}

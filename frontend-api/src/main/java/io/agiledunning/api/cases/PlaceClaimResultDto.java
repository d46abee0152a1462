package io.agiledunning.api.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The cases service's answer to a placement. */
public record PlaceClaimResultDto(String outcome, @JsonProperty("case") CaseDto placedCase, ClaimDto claim) {
}

package io.agiledunning.api.cases;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** The cases service's answer to an update or withdrawal of a claim, and the bodies of those requests. */
public record ClaimChangeResultDto(String outcome, List<String> changedFields, @JsonProperty("case") CaseDto changedCase,
                                   ClaimDto claim) {

    /** {@code POST /api/claims/updates}: the claim's fields left null keep their values. */
    public record UpdateBody(PlaceClaimBody.Claim claim) {
    }

    /** {@code POST /api/claims/withdrawals}. */
    public record WithdrawalBody(String externalReference, String reason) {
    }
}

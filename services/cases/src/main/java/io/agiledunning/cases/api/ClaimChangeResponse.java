package io.agiledunning.cases.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.agiledunning.cases.service.ClaimChangeService;

import java.util.List;

/** The answer to an update or withdrawal of a claim: what it did, the fields that changed, the claim's case and the claim. */
public record ClaimChangeResponse(String outcome, List<String> changedFields, @JsonProperty("case") CaseView changedCase,
                                  ClaimView claim) {

    static ClaimChangeResponse of(ClaimChangeService.Result result) {
        return new ClaimChangeResponse(result.outcome().name(), result.changedFields(), CaseView.of(result.changedCase()),
                ClaimView.of(result.claim()));
    }
}

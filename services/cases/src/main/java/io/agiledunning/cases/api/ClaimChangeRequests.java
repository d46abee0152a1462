package io.agiledunning.cases.api;

import io.agiledunning.cases.placement.ClaimPatch;

/** Bodies of {@code POST /api/claims/updates} and {@code POST /api/claims/withdrawals}. */
public final class ClaimChangeRequests {

    private ClaimChangeRequests() {
    }

    /** {@code claim.externalReference} finds the claim; its other fields, where given, replace the claim's. */
    public record Update(ClaimPatch claim) {
    }

    public record Withdrawal(String externalReference, String reason) {
    }
}

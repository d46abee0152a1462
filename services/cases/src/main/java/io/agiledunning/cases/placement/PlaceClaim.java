package io.agiledunning.cases.placement;

/** Place one claim of one debtor: idempotent on the tenant's external references of both. */
public record PlaceClaim(DebtorData debtor, ClaimData claim) {
}

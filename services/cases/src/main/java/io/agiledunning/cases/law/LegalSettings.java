package io.agiledunning.cases.law;

import java.util.Objects;

/**
 * What one tenant claims and how its figures are computed: its reminder fees and the § 288(5) flat fee, how much
 * default interest it claims (never more than the law allows), the order a payment settles a claim's components in,
 * and the calculation conventions. Every setting has a documented default (docs/domain.md, "Tenant settings").
 */
public record LegalSettings(FeeSchedule fees, InterestClaim interest, AllocationOrder allocationOrder,
                            Conventions conventions) {

    /** The platform's reminder fee for a tenant that has not set its own: material and postage of a letter. */
    public static final String DEFAULT_REMINDER_FEE_EUR = "1.50";

    public LegalSettings {
        Objects.requireNonNull(fees, "fees");
        Objects.requireNonNull(interest, "interest");
        Objects.requireNonNull(allocationOrder, "allocationOrder");
        Objects.requireNonNull(conventions, "conventions");
    }

    public static LegalSettings defaults() {
        return new LegalSettings(FeeSchedule.of(DEFAULT_REMINDER_FEE_EUR), InterestClaim.statutory(),
                AllocationOrder.COSTS_INTEREST_PRINCIPAL, Conventions.defaults());
    }

    /** The engine computing with these settings over the given base rates. */
    public LegalEngine engine(BaseRateTable baseRates) {
        return new LegalEngine(baseRates, conventions, fees);
    }

    /** The claim as this tenant claims it: its interest cap and allocation order applied. */
    public Claim applyTo(Claim claim) {
        return claim.withInterestClaim(interest).withAllocationOrder(allocationOrder);
    }
}

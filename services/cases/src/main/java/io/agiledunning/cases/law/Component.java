package io.agiledunning.cases.law;

/** A part of a claim a payment can settle. Costs are reminder fees and the § 288(5) flat fee. */
public enum Component {
    COSTS,
    INTEREST,
    PRINCIPAL
}

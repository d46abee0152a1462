package io.agiledunning.cases.law;

/** Whether a consumer is involved (§ 13 BGB): decides the interest surcharge and the B2B flat fee. */
public enum DebtorKind {
    CONSUMER,
    BUSINESS
}

package io.agiledunning.cases.dunning.strategy;

/** What a message offers the debtor besides the amount owed. */
public enum Offer {
    PAY_NOW, INSTALLMENT_PLAN, DEFERRAL
}

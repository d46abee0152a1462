package io.agiledunning.payments;

/** How the money came in. Card payments arrive through Stripe Checkout with the payments issue. */
public enum PaymentMethod {
    BANK_TRANSFER, CARD, CASH, DIRECT_DEBIT
}

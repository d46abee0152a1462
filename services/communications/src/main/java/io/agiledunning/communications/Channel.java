package io.agiledunning.communications;

/** How a message reaches a debtor. */
public enum Channel {
    EMAIL, SMS, LETTER
}

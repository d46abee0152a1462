package io.agiledunning.cases.dunning.strategy;

/** How a debtor is contacted. A step lists channels in fallback order (email, then SMS, then letter). */
public enum Channel {
    EMAIL, SMS, LETTER
}

package io.agiledunning.cases.dunning.strategy;

/** How a message speaks to the debtor; templates exist per tone. */
public enum Tone {
    FRIENDLY, NEUTRAL, FIRM, FINAL
}

package io.agiledunning.reporting;

import io.agiledunning.common.money.Money;

/** What one tenant has placed with the platform, in one currency. */
public record CaseStats(long casesOpened, Money amountPlaced) {
}
